"""Run the article's ticket server against SQLite with stand-ins for the MCP SDK and pydantic.

Checks what the text claims of the code: LIKE treats % and _ literally, every connection is
closed, and an unexpected exception reaches the client only as a generic ToolError.
"""
import os, re, sqlite3, sys, tempfile, types
from pathlib import Path

ROOT = Path(__file__).parent.parent
code = {lang: re.search(r"```python\n(.*?)```", (ROOT / lang / "mcp-server-architecture.md").read_text(), re.S)[1]
        for lang in ("en", "ru")}
strip = lambda src: [re.sub(r"\s*#.*$", "", line) for line in src.splitlines()]
assert strip(code["en"]) == strip(code["ru"]), "the code differs between languages"


def module(name, **attrs):
    sys.modules[name] = mod = types.ModuleType(name)
    mod.__dict__.update(attrs)


class Server:  # records nothing; the decorators return the functions unchanged
    def __init__(self, *a, **k): pass
    tool = resource = lambda self, *a, **k: (lambda fn: fn)


class Model:
    def __init__(self, **kw): self.__dict__.update(kw)


ToolError = type("ToolError", (Exception,), {})
for name in ("mcp", "mcp.server"):
    module(name)
module("mcp.server.mcpserver", MCPServer=Server)
module("mcp.server.mcpserver.exceptions", ToolError=ToolError)
module("mcp.types", ToolAnnotations=lambda **k: None)
module("pydantic", BaseModel=Model, Field=lambda **k: None)

opened = []
real_connect = sqlite3.connect
sqlite3.connect = lambda *a, **k: opened.append(real_connect(*a, **k)) or opened[-1]
with tempfile.TemporaryDirectory() as tmp:
    os.environ["TICKETS_DB"] = db = os.path.join(tmp, "t.db")
    conn = real_connect(db)
    conn.executescript("""
        CREATE TABLE tickets (id INTEGER PRIMARY KEY, title, status, updated_at, body);
        CREATE TABLE comments (id INTEGER PRIMARY KEY, ticket_id, body);
        INSERT INTO tickets VALUES (1, '100% CPU on node_a', 'open', '2026-11-02', 'a'),
                                   (2, '100 CPUs on nodeXa', 'open', '2026-11-01', 'b');""")
    conn.commit(); conn.close()
    ns = {"__name__": "tickets_server"}
    stderr, sys.stderr = sys.stderr, open(os.devnull, "w")  # the audit lines
    try:
        exec(code["en"], ns)
        ids = lambda q: [t.id for t in ns["search_tickets"](query=q, status="any").tickets]
        assert ids("100%") == [1] and ids("node_a") == [1] and ids("CPU") == [1, 2]
        assert ns["add_comment"](ticket_id=1, body="hi") == "Comment 1 added to ticket 1."
        ns["DB_PATH"] = os.path.join(tmp, "missing", "t.db")
        try:
            ns["get_ticket"](ticket_id=1)
            raise AssertionError("no error")
        except ToolError as e:  # the SDK sends str(e); it must not carry the sqlite3 message
            assert "unable to open" not in str(e) and isinstance(e.__cause__, sqlite3.Error)
    finally:
        sys.stderr.close(); sys.stderr = stderr
    for c in opened:  # a closed connection refuses to run anything
        try:
            c.execute("SELECT 1")
            raise AssertionError("a connection was left open")
        except sqlite3.ProgrammingError:
            pass

print("mcp-server-architecture: the example server behaves as the text says")
