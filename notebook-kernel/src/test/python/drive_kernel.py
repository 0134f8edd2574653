"""Drives the installed java-dl kernel with Jupyter's own client library (Debian's python3-jupyter-client).

Test tooling only, not part of the product: KernelProtocolTest writes the steps as JSON, runs this script, and
asserts on the JSON it prints: for each step, the shell reply and every IOPub message the step caused.

    python3 drive_kernel.py STEPS.json   (JUPYTER_PATH must name the folder that holds kernels/java-dl)

A step is {"execute": code}, {"execute": code, "interrupt_after": seconds}, {"execute": code,
"interrupt_after_updates": n} (interrupted once the cell has updated a display n times: a training's progress line,
however loaded the machine), {"execute": code, "timeout": seconds}
(the reply is null when none comes in time), {"forged": code} (an execute_request signed with the wrong key, which
gets no reply), {"complete": code, "cursor": n}, {"inspect": code, "cursor": n}, {"sleep": seconds} (a student
reading) or {"shutdown": true}.
"""
import json
import queue
import sys
import threading
import time

from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

TIMEOUT = 300


def collect(client, msg_id, updates=None):
    """IOPub messages that answer msg_id, up to its idle status, or up to its n-th display update when updates=n."""
    messages = []
    while True:
        msg = client.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status":
            if msg["content"]["execution_state"] == "idle":
                return messages
            continue
        messages.append({"msg_type": msg["msg_type"], "content": msg["content"],
                         "transient": msg["content"].get("transient", {})})
        if updates and sum(m["msg_type"] == "update_display_data" for m in messages) == updates:
            return messages


def shell_reply(client, msg_id, timeout=TIMEOUT):
    """The shell reply to msg_id (skipping, say, the kernel_info reply of the start-up); None if none comes."""
    deadline = time.time() + timeout
    while True:
        try:
            reply = client.get_shell_msg(timeout=max(0.0, deadline - time.time()))
        except queue.Empty:
            return None
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply


def send_forged(client, code):
    """What anyone who can reach the kernel's port can send: an execute_request signed without the key."""
    forger = Session(key=b"not-the-kernel-key", username=client.session.username)
    forger.send(client.shell_channel.socket, "execute_request", {"code": code, "silent": False})


def main():
    steps = json.load(open(sys.argv[1]))
    started = time.time()
    manager, client = start_new_kernel(kernel_name="java-dl", startup_timeout=120)
    results = [{"startup_seconds": time.time() - started}]
    try:
        for step in steps:
            if "execute" in step:
                msg_id = client.execute(step["execute"])
                if "interrupt_after" in step:
                    timer = threading.Timer(step["interrupt_after"], manager.interrupt_kernel)
                    timer.start()
                t0 = time.time()
                early = []
                if "interrupt_after_updates" in step:
                    early = collect(client, msg_id, step["interrupt_after_updates"])
                    manager.interrupt_kernel()
                reply = shell_reply(client, msg_id, step.get("timeout", TIMEOUT))
                if reply is None:
                    results.append({"step": step, "reply": None})
                    continue
                results.append({"step": step, "reply": reply["content"], "iopub": early + collect(client, msg_id),
                                "seconds": time.time() - t0})
            elif "forged" in step:
                send_forged(client, step["forged"])
                results.append({"step": step})
            elif "complete" in step:
                msg_id = client.complete(step["complete"], step["cursor"])
                reply = shell_reply(client, msg_id)
                results.append({"step": step, "reply": reply["content"]})
            elif "inspect" in step:
                msg_id = client.inspect(step["inspect"], step["cursor"], detail_level=0)
                reply = shell_reply(client, msg_id)
                results.append({"step": step, "reply": reply["content"]})
            elif "sleep" in step:
                time.sleep(step["sleep"])
                results.append({"step": step})
            elif "shutdown" in step:
                client.shutdown()
                reply = client.get_control_msg(timeout=TIMEOUT)
                deadline = time.time() + 30
                while manager.is_alive() and time.time() < deadline:
                    time.sleep(0.1)
                results.append({"step": step, "reply": reply["content"], "alive": manager.is_alive()})
    finally:
        client.stop_channels()
        if manager.is_alive():
            manager.shutdown_kernel(now=True)
    json.dump(results, sys.stdout)


main()
