#!/usr/bin/env python3
"""Checks the deployment files as far as a machine without Docker, Kubernetes or helm allows:
compose.yaml, Chart.yaml and values.yaml parse as YAML; compose services reference existing files;
every .Values path used by a chart template exists in values.yaml; template braces balance."""
import pathlib
import re
import sys

import yaml

root = pathlib.Path(__file__).resolve().parent.parent
errors = []

compose = yaml.safe_load((root / "deploy/compose.yaml").read_text())
for name, service in compose["services"].items():
    build = service.get("build")
    if build and not (root / "deploy" / build["context"] / build["dockerfile"]).exists():
        errors.append(f"compose service {name}: missing {build['dockerfile']}")
    for volume in service.get("volumes", []):
        source = volume.split(":")[0]
        if source.startswith("./") and not (root / "deploy" / source).exists():
            errors.append(f"compose service {name}: missing {source}")

chart = root / "charts/sharedhotline"
yaml.safe_load((chart / "Chart.yaml").read_text())
values = yaml.safe_load((chart / "values.yaml").read_text())

def has_path(tree, path):
    for part in path:
        if not isinstance(tree, dict) or part not in tree:
            return False
        tree = tree[part]
    return True

for template in (chart / "templates").glob("*"):
    text = template.read_text()
    if text.count("{{") != text.count("}}"):
        errors.append(f"{template.name}: unbalanced template braces")
    for match in re.finditer(r"\.Values\.([A-Za-z0-9_.]+)", text):
        if not has_path(values, match.group(1).split(".")):
            errors.append(f"{template.name}: .Values.{match.group(1)} is not in values.yaml")

# Production refuses to start without these; compose and chart must give them.
required_secrets = ["Hotline__DataProtection__KeyEncryptionKey", "Hotline__Security__OriginHashKey", "Hotline__ForwardedHeaders__KnownNetworks__"]
node_env = " ".join(compose["x-node"]["environment"].keys())
deployment = (chart / "templates/deployment.yaml").read_text()
for setting in required_secrets:
    if setting not in node_env:
        errors.append(f"compose nodes do not set {setting}")
    if setting not in deployment:
        errors.append(f"the chart's deployment does not set {setting}")

dockerfile = (root / "deploy/Dockerfile").read_text()
for copied in re.findall(r"^COPY (?!--)(\S+)", dockerfile, re.M):
    if not (root / copied).exists():
        errors.append(f"Dockerfile copies {copied}, which does not exist")

if errors:
    print("deployment check failed:\n  " + "\n  ".join(errors))
    sys.exit(1)
print("deployment files: compose, chart and Dockerfile checked")
