"""Check rag-document-chunking.md: the chunker's offsets match the stored text, and the
contextual-retrieval cost table recomputes. Exits non-zero on a mismatch."""
from pathlib import Path

EN = (Path(__file__).parent.parent / "en" / "rag-document-chunking.md").read_text()

# Run the article's own chunker (its first Python block) on a small document.
code = EN.split("```python\n", 1)[1].split("```", 1)[0]
ns: dict = {"__name__": "chunker"}
exec(code, ns)
doc = ("Preamble line.\n\n# Limits\n\n  The limit is 10 requests.  \n\n"
       "## Tiers\n\nThe limit above applies only to the second tier. " * 3
       + "\n\n\n## Empty\n\n   \n")
chunks = list(ns["chunk_markdown"]("d1", doc, lambda t: len(t.split()), max_tokens=8))
assert len(chunks) > 3
for c in chunks:
    assert doc[c.start:c.end] == c.text, (c.start, c.end, c.text)
    assert c.text == c.text.strip() and c.text

# Contextual retrieval cost table: 2,000 documents of 6,000 tokens, 15 chunks each.
docs, doc_tokens, per_doc, call_extra, out = 2_000, 6_000, 15, 500, 80
n_chunks = docs * per_doc
assert per_doc * 400 == doc_tokens and n_chunks == 30_000
assert n_chunks * (doc_tokens + call_extra) == 195_000_000
assert n_chunks * call_extra == 15_000_000
assert docs * doc_tokens == 12_000_000
assert docs * (per_doc - 1) * doc_tokens == 168_000_000
assert n_chunks * out == 2_400_000

print("rag-document-chunking: all figures match")
