"""The whole-set write path end to end through the API."""

from __future__ import annotations


def test_an_annotator_writes_a_set_and_reads_it_back(people, client_for):
    client = client_for(people.annotator)
    nxt = client.get(f"/api/v1/projects/{people.project.pk}/queue/next/")
    assert nxt.status_code == 200, nxt.content
    body = nxt.json()
    text = body["document_detail"]["text"]
    start = text.index("the talks had stalled")
    end = start + len("the talks had stalled")
    src = text.index("minister")
    payload = {
        "version": body["version"],
        "spans": [
            {"ref": "c", "label": "CLAIM", "start": start, "end": end, "text": text[start:end]},
            {"ref": "s", "label": "SOURCE", "start": src, "end": src + 8, "text": "minister"},
        ],
        "relations": [{"type": "ATTRIBUTED_TO", "source": "c", "target": "s"}],
        "stances": [{"holder": None, "target": None, "object": "c", "value": "neutral"}],
    }
    saved = client.put(f"/api/v1/sets/{body['id']}/", payload, format="json")
    assert saved.status_code == 200, saved.content
    again = client.get(f"/api/v1/sets/{body['id']}/").json()
    assert [s["text"] for s in again["spans"]] == ["minister", "the talks had stalled"]
    assert again["relations"][0]["type"] == "ATTRIBUTED_TO"
    assert again["version"] == body["version"] + 1


def test_a_stale_version_gets_409(people, client_for):
    client = client_for(people.annotator)
    body = client.get(f"/api/v1/projects/{people.project.pk}/queue/next/").json()
    first = client.put(f"/api/v1/sets/{body['id']}/", {"version": body["version"]}, format="json")
    assert first.status_code == 200
    second = client.put(f"/api/v1/sets/{body['id']}/", {"version": body["version"]}, format="json")
    assert second.status_code == 409
    assert second.json()["error"]["code"] == "conflict"
