"""Building the artefacts the pipeline loads: lexicons and models, from `../shared/data`."""
