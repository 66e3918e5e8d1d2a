# Semaphore: all tasks start at once, but at most `limit` of them send a request at a time.
import asyncio

import httpx


async def main(server: str, products: int = 20, limit: int = 5, latency_ms: int = 200) -> None:
    semaphore = asyncio.Semaphore(limit)

    async with httpx.AsyncClient(base_url=server) as http:

        async def fetch_with_limit(product_id: int) -> dict:
            async with semaphore:  # waits here while `limit` others are inside
                response = await http.get(f"/products/{product_id}?latency_ms={latency_ms}")
                response.raise_for_status()
                return response.json()

        results = await asyncio.gather(*(fetch_with_limit(i) for i in range(1, products + 1)))
    print(len(results), "products, worth", round(sum(p["price"] for p in results), 2))


asyncio.run(main("http://127.0.0.1:8000"))
