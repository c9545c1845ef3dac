"""One JSON shape for every error the API returns, and never a bare 500.

Every failure a client can cause becomes `{"ok": false, "error": {"code", "message"}}`
with a 4xx status: a `MarsadError` raised by the library keeps its code, FastAPI's own
validation and routing errors get E7xx codes, and anything unexpected is logged with its
traceback and answered with E711 so that no stack trace ever reaches the client.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad.errors import MarsadError

log = logging.getLogger("marsad.api")

# HTTP status for library error codes; a code not listed here is a 400 (the input was wrong).
STATUS_BY_CODE: dict[str, int] = {
    "E109": 413,
    "E111": 422,
    "E112": 422,
    "E610": 422,
    "E612": 404,
    "E701": 413,
    "E702": 422,
    "E703": 401,
    "E704": 401,
    "E705": 403,
    "E706": 404,
    "E707": 415,
    "E709": 404,
    "E710": 405,
    "E711": 500,
}


def error_body(code: str, message: str, **extra: object) -> dict[str, object]:
    return {"ok": False, "error": {"code": code, "message": message, **extra}}


def describe(error: MarsadError) -> str:
    """The message with the input it concerns, without the code (the body carries it)."""
    return f"{error.source}: {error.message}" if error.source else error.message


def error_response(error: MarsadError, request: Request | None = None) -> Response:
    """JSON for the API; the web pages' own HTML error page for paths outside `/api`."""
    status = STATUS_BY_CODE.get(error.code, 400)
    html_error = getattr(request.app.state, "html_error", None) if request is not None else None
    if html_error is not None and not request.url.path.startswith(("/api/", "/openapi.json", "/static/")):
        return html_error(request, error, status)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(error_body(error.code, describe(error)), status_code=status, headers=headers)


def _describe_validation(error: RequestValidationError) -> str:
    """The first problem FastAPI found, as `where: what` (e.g. `query.limit: ...`)."""
    problems = error.errors()
    if not problems:
        return "malformed request"
    first = problems[0]
    where = ".".join(str(part) for part in first.get("loc", ()))
    return f"{where}: {first.get('msg', 'invalid value')}"


def install_error_handlers(app: FastAPI) -> None:
    """Makes every error a JSON error (the web pages render their own HTML error page)."""

    @app.exception_handler(MarsadError)
    async def marsad_error(request: Request, error: MarsadError) -> Response:
        return error_response(error, request)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> Response:
        return error_response(MarsadError("E702", detail=_describe_validation(error)), request)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if error.status_code == 404:
            return error_response(MarsadError("E709", path=request.url.path), request)
        if error.status_code == 405:
            return error_response(MarsadError("E710", method=request.method), request)
        return JSONResponse(error_body(f"HTTP{error.status_code}", str(error.detail)), error.status_code)

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, error: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(MarsadError("E711", kind=type(error).__name__), request)
