"""Set-up for issue 12's benches, run as a script inside the tree under test (``--root``),
so the same bench can build its data with the code before the hardening and after it.

Creates a manager, ``--annotators`` annotators (each a member with its own 7.7 KB document
and a 30-span set) in one project, through the project's services, and prints one JSON
object: the project id and, per annotator, the username, set id, document id and the body
of a whole-set save (without its version).
"""

from __future__ import annotations

import argparse
import os
import sys


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--annotators", type=int, required=True)
    args = parser.parse_args()
    sys.path[0] = args.root  # the target's tree, not this script's folder
    os.chdir(args.root)
    import copy
    import random

    import django
    import orjson

    django.setup()
    from django.contrib.auth import get_user_model

    from annotations.models import Membership, Role
    from annotations.presets import PRESETS
    from annotations.services.annotation_sets import annotation_set_open
    from annotations.services.projects import project_create, project_documents_add
    from bench.payloads import STANCE_TARGETS, set_payload
    from bench.setup_data import DOC_BYTES, PASSWORD, relocate, store_documents
    from bench.textgen import generate_document

    user_model = get_user_model()
    owner = user_model.objects.create_user("bench_manager", password=PASSWORD)
    annotators = [
        user_model.objects.create_user(f"bench_ann{i}", password=PASSWORD)
        for i in range(args.annotators)
    ]
    schema = copy.deepcopy(PRESETS["news-attribution"])
    schema["stance"]["targets"] = STANCE_TARGETS
    project = project_create(name="Bench hardening", owner=owner, schema=schema)
    Membership.objects.bulk_create(
        [Membership(project=project, user=u, role=Role.ANNOTATOR) for u in annotators]
    )
    rng = random.Random(20311201)
    generated = [
        generate_document(rng, target_bytes=DOC_BYTES, min_triples=10, marker=f"load-{i}")
        for i in range(args.annotators)
    ]
    stored = store_documents(generated, "Bench hardening story", "hardening")
    project_documents_add(project=project, documents=stored)
    out = {"project_id": project.pk, "password": PASSWORD, "annotators": []}
    for user, document, gen in zip(annotators, stored, generated, strict=True):
        aset, _ = annotation_set_open(project=project, document=document, author=user)
        body = set_payload(
            document.text, relocate(gen, document.text), n_spans=30, n_relations=10, version=0
        )
        del body["version"]
        out["annotators"].append(
            {"username": user.username, "set_id": aset.pk, "document_id": document.pk, "body": body}
        )
    sys.stdout.write(orjson.dumps(out).decode() + "\n")


if __name__ == "__main__":
    main()
