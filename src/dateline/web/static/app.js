// Clicking a record in the side panel scrolls its evidence into view and flashes it.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.record[data-target]");
  if (!link) return;
  const target = document.getElementById(link.dataset.target);
  if (!target) return;
  event.preventDefault();
  document.querySelectorAll(".focused").forEach((el) => el.classList.remove("focused"));
  target.classList.add("focused");
  target.scrollIntoView({ behavior: "instant", block: "center" });
  history.replaceState(null, "", "#" + link.dataset.target);
});
// The explorer's type filter applies on change.
const typeSelect = document.getElementById("filter-type");
if (typeSelect) typeSelect.addEventListener("change", () => typeSelect.form.submit());
