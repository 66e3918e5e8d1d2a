# gather: three independent requests run concurrently; results keep the order of the arguments.
import asyncio
import httpx


async def fetch(http: httpx.AsyncClient, path: str) -> dict:
    response = await http.get(path)
    response.raise_for_status()
    return response.json()


async def main(server: str, user_id: int = 1, latency_ms: int = 200) -> None:
    slow = f"latency_ms={latency_ms}"
    async with httpx.AsyncClient(base_url=server) as http:
        profile, orders, notifications = await asyncio.gather(
            fetch(http, f"/users/{user_id}?{slow}"),
            fetch(http, f"/orders?user={user_id}&{slow}"),
            fetch(http, f"/notifications?user={user_id}&{slow}"),
        )
    print(profile["name"], len(orders), len(notifications))


asyncio.run(main("http://127.0.0.1:8000"))
