# gather(return_exceptions=True): every task is waited for; a failure comes back in its place.
import asyncio
import logging

import httpx


async def fetch(http: httpx.AsyncClient, path: str) -> dict | list:
    response = await http.get(path)
    response.raise_for_status()  # a 503 becomes an exception here
    return response.json()


def list_or_empty(result: list | BaseException, service: str) -> list:
    if isinstance(result, BaseException):
        logging.warning("%s failed: %s; shown as empty", service, result)
        return []
    return result


async def main(server: str, user_id: int = 1, latency_ms: int = 300, failing: str = "orders") -> None:
    slow = f"latency_ms={latency_ms}"

    def path(service: str, healthy: str) -> str:
        return "/status/503" if service == failing else healthy

    async with httpx.AsyncClient(base_url=server) as http:
        profile, orders, notifications = await asyncio.gather(
            fetch(http, path("user", f"/users/{user_id}?{slow}")),
            fetch(http, path("orders", f"/orders?user={user_id}&{slow}")),
            fetch(http, path("notifications", f"/notifications?user={user_id}&{slow}")),
            return_exceptions=True,
        )
    if isinstance(profile, BaseException):
        raise RuntimeError("no dashboard without the user") from profile
    orders = list_or_empty(orders, "orders")
    notifications = list_or_empty(notifications, "notifications")
    print(profile["name"], len(orders), len(notifications))


asyncio.run(main("http://127.0.0.1:8000"))
