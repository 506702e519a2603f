"""Page parsers: pure functions from a ``parsel.Selector`` (or HTML text) to typed fields.

No Scrapy import here: each parser is tested on saved pages without a crawler. Spiders call
them and decide what to request next.
"""
