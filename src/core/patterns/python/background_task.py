# Background tasks: answer the request first, send the confirmation email afterwards.
# Run with: uvicorn background_task:app
import httpx
from fastapi import BackgroundTasks, FastAPI

LAB = "http://127.0.0.1:8000"
app = FastAPI()


async def send_email(to: str, subject: str, body: str, email_ms: int = 800) -> None:
    async with httpx.AsyncClient(base_url=LAB) as client:
        await client.post(f"/delay/{email_ms}", json={"to": to, "subject": subject, "body": body})


@app.post("/orders")
async def create_order(user_id: int, background_tasks: BackgroundTasks, order_ms: int = 100) -> dict:
    async with httpx.AsyncClient(base_url=LAB) as client:
        customer = (await client.get(f"/users/{user_id}", params={"latency_ms": order_ms})).json()
    order_id = 5000 + customer["id"]

    # Only written down here; FastAPI runs it after the response has been sent.
    background_tasks.add_task(send_email, customer["email"], "Order confirmation",
                              f"Your order {order_id} has been placed.")
    return {"order": order_id, "email": customer["email"]}
