"""A generated corpus of realistic wire articles for benchmarks (deterministic, no network)."""

from __future__ import annotations

import random

from dateline.model import Article

_PLACES = [("DAMASCUS", "Syria", "Syrian"), ("KYIV", "Ukraine", "Ukrainian"), ("NAIROBI", "Kenya", "Kenyan"),
           ("CARACAS", "Venezuela", "Venezuelan"), ("BAGHDAD", "Iraq", "Iraqi"), ("TBILISI", "Georgia", "Georgian"),
           ("NEW DELHI", "India", "Indian"), ("BAMAKO", "Mali", "Malian")]
_PEOPLE = ["Ahmed Karimi", "Olena Kovalenko", "Paul Njuguna", "Maria Santos", "Irakli Beridze", "Ravi Menon"]
_ROLES = ["President", "Foreign Minister", "Defence Minister", "Prime Minister", "army spokesman"]
_AGENCIES = ["Reuters", "AFP", "AP", "Xinhua"]
_MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
_PARAGRAPHS = [
    '"We will not allow {enemy} to threaten our people," {surname} said on {weekday}.',
    "{demonym} troops shelled positions held by militants near the border, the army said.",
    "{surname} accused {other} of supplying weapons to the rebels and demanded an apology.",
    "The two governments agreed to hold talks in Geneva next month, mediated by the United Nations.",
    "Protesters gathered outside the parliament in {capital} late last year to demand reforms.",
    'The {demonym} {role_lower} told reporters that the ceasefire "has been violated many times" since {year}.',
    "He added that his government was ready to negotiate but would not concede territory.",
    "Police arrested dozens of demonstrators, and the opposition called the crackdown brutal.",
    "{other} denied the accusation and said it would consider sanctions against {country}.",
    "Aid agencies said 20,000 civilians had fled the fighting, and the World Health Organization sent supplies.",
]


def generated_articles(n: int, seed: int = 7, paragraphs: int = 8) -> list[Article]:
    """n distinct articles with datelines, quotes, events, places and times."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        city, country, demonym = rng.choice(_PLACES)
        person = rng.choice(_PEOPLE)
        role = rng.choice(_ROLES)
        other = rng.choice([c for _, c, _ in _PLACES if c != country])
        fields = {
            "enemy": rng.choice(["terrorists", "foreign-backed groups", "the militants"]),
            "surname": person.split()[-1], "weekday": rng.choice(["Monday", "Tuesday", "Friday"]),
            "demonym": demonym, "other": other, "capital": city.title(), "country": country,
            "role_lower": role.lower(), "year": rng.choice(["2012", "2014", "2019"]),
        }
        body = [f"{city}, {rng.choice(_MONTHS)} {rng.randint(1, 28)} ({rng.choice(_AGENCIES)}) - "
                f"{demonym} {role} {person} said on {fields['weekday']} that the armed forces would "
                f"liberate every town held by militants, in article {i}."]
        for _ in range(paragraphs - 1):
            body.append(rng.choice(_PARAGRAPHS).format(**fields))
        out.append(Article(text="\n\n".join(body), title=f"{person} vows to fight on ({i})",
                           url=f"https://wire.example/{2020 + i % 5}/{i}", outlet=rng.choice(_AGENCIES)))
    return out
