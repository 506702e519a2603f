"""The demo world: a local site imitating the page structure of the real platforms."""

from monitor.demo.server import DemoWorld

__all__ = ["DemoWorld"]
