"""The bundled sample school site: a realistic NukeViet-style site served on 127.0.0.1.

`tct demo` crawls it when the real sites cannot be reached; the tests crawl it too.
"""
