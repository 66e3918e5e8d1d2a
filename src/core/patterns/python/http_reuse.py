# One reused client keeps its connections open; a client per request opens one every time.
import asyncio

import httpx


async def new_client_each_time(server: str, path: str, requests: int) -> None:
    for _ in range(requests):
        async with httpx.AsyncClient(base_url=server) as http:  # a new pool, a new connection
            await http.get(path)


async def one_client_reused(http: httpx.AsyncClient, path: str, requests: int) -> None:
    for _ in range(requests):
        await http.get(path)  # the connection from the first request is kept alive


async def main(server: str, requests: int = 10, burst: int = 12, latency_ms: int = 60) -> None:
    path = f"/delay/{latency_ms}"
    await new_client_each_time(server, path, requests)  # bad
    # httpx allows 100 connections by default, Qt's client 6 per host: give httpx Qt's limit to compare.
    limits = httpx.Limits(max_connections=6)
    async with httpx.AsyncClient(base_url=server, limits=limits) as http:
        await one_client_reused(http, path, requests)  # good
        # `burst` at once: only 6 connections, so the rest wait for one: two waves.
        await asyncio.gather(*(http.get(path) for _ in range(burst)))


asyncio.run(main("http://127.0.0.1:8000"))
