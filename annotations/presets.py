"""Schema presets. ``news-attribution`` follows the source-cue-content model of PARC 3.0 /
PolNeAR, target-and-polarity stance as in BASIL and SemEval-2016, and claim check-worthiness
as in ClaimBuster. Colours are from the Okabe-Ito colour-blind-safe palette."""

from __future__ import annotations

from typing import Any

NEWS_ATTRIBUTION: dict[str, Any] = {
    "span_labels": [
        {
            "key": "CLAIM",
            "name": "Claim",
            "color": "#0072B2",
            "hotkey": "c",
            "discontinuous": True,
            "attributes": [
                {
                    "key": "quote_type",
                    "name": "Quote type",
                    "type": "choice",
                    "choices": ["direct", "indirect", "mixed", "none"],
                },
                {
                    "key": "check_worthy",
                    "name": "Check-worthy",
                    "type": "choice",
                    "choices": ["yes", "no"],
                },
            ],
        },
        {
            "key": "SOURCE",
            "name": "Source",
            "color": "#D55E00",
            "hotkey": "s",
            "discontinuous": False,
            "attributes": [
                {
                    "key": "source_type",
                    "name": "Source type",
                    "type": "choice",
                    "choices": [
                        "named_person",
                        "named_organization",
                        "anonymous_official",
                        "anonymous_other",
                        "document",
                        "outlet",
                    ],
                },
                {"key": "side", "name": "Side", "type": "text"},
                # the project's source registry (annotations/models/sources.py): an entry key
                {"key": "entry", "name": "Registry entry", "type": "registry"},
            ],
        },
        {
            "key": "CUE",
            "name": "Cue",
            "color": "#009E73",
            "hotkey": "v",
            "discontinuous": False,
            "attributes": [],
        },
    ],
    "relation_types": [
        {
            "key": "ATTRIBUTED_TO",
            "name": "attributed to",
            "from_labels": ["CLAIM"],
            "to_labels": ["SOURCE"],
            "directed": True,
            "cross_document": False,
            "hotkey": "a",
        },
        {
            "key": "CUE_OF",
            "name": "cue of",
            "from_labels": ["CUE"],
            "to_labels": ["CLAIM"],
            "directed": True,
            "cross_document": False,
            "hotkey": "u",
        },
        {
            "key": "SAME_CLAIM",
            "name": "same claim",
            "from_labels": ["CLAIM"],
            "to_labels": ["CLAIM"],
            "directed": False,
            "cross_document": True,
            "hotkey": "m",
        },
        {
            "key": "SAME_SOURCE",
            "name": "same source",
            "from_labels": ["SOURCE"],
            "to_labels": ["SOURCE"],
            "directed": False,
            "cross_document": True,
            "hotkey": "o",
        },
    ],
    "stance": {
        "holder_labels": ["SOURCE"],
        "object_labels": ["CLAIM"],
        "targets": [],
        "values": ["favor", "against", "neutral", "unclear"],
    },
    "document_questions": [
        {
            "key": "framing",
            "text": "Overall framing toward each main actor",
            "type": "single",
            "choices": ["sympathetic", "neutral", "critical", "mixed"],
            "per_target": True,
        }
    ],
    # warnings before a submission (annotations/schema_checks.py); a project may turn it off
    "submit_checks": [
        {
            "kind": "require_relation",
            "label": "CLAIM",
            "relation": "ATTRIBUTED_TO",
            "enabled": True,
            "message": "A claim has no source: link it with ATTRIBUTED_TO (a), or submit anyway "
            "if the article gives none.",
        }
    ],
}

PRESETS: dict[str, dict[str, Any]] = {"news-attribution": NEWS_ATTRIBUTION}
