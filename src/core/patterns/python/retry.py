# Retries with exponential backoff (tenacity): wait 0.1 s, 0.2 s, 0.4 s... between attempts.
import asyncio
import itertools

import httpx
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential


async def main(server: str, fail_rate: float = 0.5, seed: int = 7, max_attempts: int = 5,
               initial_delay_ms: int = 100) -> None:
    attempts = itertools.count(1)

    async with httpx.AsyncClient(base_url=server) as http:

        @retry(
            stop=stop_after_attempt(max_attempts),
            wait=wait_exponential(multiplier=initial_delay_ms / 1000, exp_base=2),
            # /flaky answers 503, so HTTP errors are retried too, not only timeouts and refusals.
            retry=retry_if_exception_type((httpx.TimeoutException, httpx.ConnectError, httpx.HTTPStatusError)),
            reraise=True,
        )
        async def get_resource() -> dict:
            # &attempt=n: the n-th entry of the seeded sequence, the same on every run.
            response = await http.get("/flaky", params={"fail": fail_rate, "seed": seed, "attempt": next(attempts)})
            response.raise_for_status()
            return response.json()

        print(await get_resource())


asyncio.run(main("http://127.0.0.1:8000"))
