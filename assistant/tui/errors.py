"""Turn an unexpected exception in a handler into an error notification, so no traceback reaches the user."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from textual.dom import DOMNode

P = ParamSpec("P")
R = TypeVar("R")


def describe(exc: BaseException) -> str:
    """A one-line description of an error for a notification."""
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def reports_errors(doing: str) -> Callable[[Callable[P, R]], Callable[P, R | None]]:
    """Decorate a handler or action of a widget or screen: an exception becomes `notify(..., severity="error")`.

    `doing` names the task for the message ("opening the article"); the app keeps running either way.
    """

    def decorate(method: Callable[P, R]) -> Callable[P, R | None]:
        def report(node: Any, exc: Exception) -> None:
            assert isinstance(node, DOMNode)
            node.app.log.error(f"error while {doing}: {exc!r}")
            node.notify(f"Error while {doing}: {describe(exc)}", severity="error", timeout=8)

        if inspect.iscoroutinefunction(method):

            @functools.wraps(method)
            async def async_wrapper(*args: P.args, **kwargs: P.kwargs) -> Any:
                try:
                    return await method(*args, **kwargs)  # type: ignore[misc]
                except Exception as exc:
                    report(args[0], exc)
                    return None

            return async_wrapper  # type: ignore[return-value]

        @functools.wraps(method)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R | None:
            try:
                return method(*args, **kwargs)
            except Exception as exc:
                report(args[0], exc)
                return None

        return wrapper

    return decorate
