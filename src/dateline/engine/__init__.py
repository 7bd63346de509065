"""Engines that run the pipeline over many articles: local processes, or a Dask cluster."""
