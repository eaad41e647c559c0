#!/usr/bin/env bash
# Checks deploy/compose/compose.yaml without a Docker engine (the build machines have none, so the
# compose stack is never run here): the file parses and interpolates with .env.example
# (`docker compose config` when the CLI has the compose plugin, else PyYAML); every service built
# from its module's own Dockerfile (non-root, port 8080, the module's jar) names a module that builds
# a Boot jar, and its image is the one the Kubernetes manifests deploy; every bind-mounted file exists; every secret compose asks for is
# named in .env.example and .env is not committed; each service gets the environment variables its
# application.yml requires and no variable it would ignore; Prometheus scrapes every service on the
# port the image listens on. deploy/check.sh runs it; it also runs on its own.
set -euo pipefail
cd "$(dirname "$0")"

if docker compose version >/dev/null 2>&1; then
  docker compose --env-file .env.example -f compose.yaml config --quiet
  echo "compose: docker compose config accepts compose.yaml"
else
  echo "compose: no docker compose plugin here; parsing with PyYAML instead"
fi

if [ -n "$(git ls-files .env 2>/dev/null)" ]; then
  echo "compose: deploy/compose/.env is committed; it holds real secrets" >&2
  exit 1
fi

python3 - <<'PY'
import os, re, sys
try:
    import yaml
except ImportError:
    sys.exit("compose: python3 has no yaml module (apt-get install python3-yaml)")

problems = []
root = os.path.abspath("../..")
compose = yaml.safe_load(open("compose.yaml"))
services = compose["services"]
example = dict(
    line.split("=", 1)
    for line in open(".env.example").read().splitlines()
    if line and not line.startswith("#")
)

# Every ${VAR} compose interpolates is named in .env.example.
for name in sorted(set(re.findall(r"\$\{([A-Z0-9_]+)", open("compose.yaml").read()))):
    if name not in example:
        problems.append(f".env.example does not name {name}")

def host_path(source):
    return os.path.normpath(os.path.join(os.getcwd(), source))

def flat_keys(node, prefix=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from flat_keys(value, f"{prefix}.{key}" if prefix else str(key))
    else:
        yield prefix

def relaxed(name):
    return re.sub(r"[^a-z0-9]", "", name.lower())

k8s_images = {}
for manifest in os.listdir(os.path.join(root, "deploy/kubernetes/base/services")):
    text = open(os.path.join(root, "deploy/kubernetes/base/services", manifest)).read()
    for image in re.findall(r"image:\s*(\S+)", text):
        k8s_images[image.split("/")[-1].split(":")[0]] = image

built = []
for name, service in services.items():
    for volume in service.get("volumes", []):
        source = volume.split(":")[0]
        if source.startswith((".", "/")) and not os.path.exists(host_path(source)):
            problems.append(f"{name}: mounts {source}, which does not exist")
    build = service.get("build")
    if not build:
        continue
    context = host_path(build["context"])
    dockerfile = os.path.join(context, build.get("dockerfile", "Dockerfile"))
    if not os.path.isfile(dockerfile):
        problems.append(f"{name}: Dockerfile {dockerfile} does not exist")
        continue
    module = os.path.basename(os.path.normpath(context))
    built.append(name)
    if module != name:
        problems.append(f"{name}: built from {module}, not its own module")
        continue
    dockerfile_text = open(dockerfile).read()
    if f"COPY target/{module}-" not in dockerfile_text:
        problems.append(f"{name}: {dockerfile} does not copy the module's own jar")
    if "EXPOSE 8080" not in dockerfile_text or "SERVER_PORT=8080" not in dockerfile_text:
        problems.append(f"{name}: {dockerfile}: the services listen on 8080 (SERVER_PORT, EXPOSE)")
    if not re.search(r"^USER 1002:1000$", dockerfile_text, re.M):
        problems.append(f"{name}: {dockerfile} does not run as the non-root user 1002:1000")
    pom = os.path.join(context, "pom.xml")
    if not os.path.isfile(pom) or "spring-boot-maven-plugin" not in open(pom).read():
        problems.append(f"{name}: {module}/pom.xml does not build a Spring Boot jar")
    if service.get("image") != k8s_images.get(name):
        problems.append(
            f"{name}: image {service.get('image')} is not the Kubernetes one {k8s_images.get(name)}")
    if "ports" in service and not all(str(p).endswith(":8080") for p in service["ports"]):
        problems.append(f"{name}: the image listens on 8080, ports map {service['ports']}")
    # The variables the service's application.yml requires (placeholders without a default) must
    # be set; a variable outside Spring's relaxed names must be one the file reads.
    yml_text = open(os.path.join(context, "src/main/resources/application.yml")).read()
    required = set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)\}", yml_text))
    read = set(re.findall(r"\$\{([A-Z][A-Z0-9_]*)", yml_text))
    environment = service.get("environment", {})
    for variable in sorted(required - set(environment)):
        problems.append(f"{name}: application.yml requires {variable}, compose does not set it")
    keys = {relaxed(k) for doc in yaml.safe_load_all(yml_text) if doc for k in flat_keys(doc)}
    # ... and the properties its code binds (@ConfigurationProperties prefixes, @Value keys), its
    # own and the shared modules'.
    for source_root in (module, "security", "platform", "schemas"):
        for folder, _, files in os.walk(os.path.join(root, source_root, "src/main/java")):
            for file in files:
                code = open(os.path.join(folder, file)).read()
                bound = re.findall(r'@ConfigurationProperties\(\s*(?:prefix\s*=\s*)?"([^"]+)"', code)
                bound += re.findall(r'\$\{([a-z][a-z0-9.-]*)', code)
                keys.update(relaxed(key) for key in bound)
    for variable in environment:
        if variable in read or variable.startswith(("SPRING_", "SERVER_", "PAYSTREAM_SECURITY_")):
            continue
        if variable.startswith("PAYSTREAM_"):
            # A paystream property: the same name (indices dropped) as a key of application.yml,
            # or under one of its keys (a list or map the file leaves empty).
            wanted = relaxed(re.sub(r"_\d+_?", "", variable))
            if any(wanted == key or wanted.startswith(key) for key in keys if key.startswith("paystream")):
                continue
        problems.append(f"{name}: sets {variable}, which application.yml does not read")

prometheus = yaml.safe_load(open("prometheus/prometheus.yml"))
targets = {
    job["job_name"]: [t for c in job["static_configs"] for t in c["targets"]]
    for job in prometheus["scrape_configs"]
}
for name in built:
    if targets.get(name) != [f"{name}:8080"]:
        problems.append(f"prometheus: job {name} does not scrape {name}:8080 ({targets.get(name)})")
for rule_file in prometheus.get("rule_files", []):
    mounted = [v for v in services["prometheus"]["volumes"] if v.split(":")[1] == rule_file]
    if not mounted:
        problems.append(f"prometheus: rule file {rule_file} is not mounted")

if len(built) != 4:
    problems.append(f"compose builds {built}, not the four services")
for problem in problems:
    print("compose: " + problem, file=sys.stderr)
if problems:
    sys.exit(1)
print(f"compose: {len(services)} services, {len(built)} each built from its own Dockerfile; mounts, images, environment and scrape targets agree")
PY
