"""Understanding stages: parsing, entities, coreference, quotes, dates and events.

Each module holds one stage; `newsgraph.pipeline.STAGES` lists them in the
order they run. They share state through `Document.scratch` under the keys
documented in `newsgraph.understand.context`.
"""
