"""deploy/kubernetes/: the manifests a city's IT team applies. deploy/validate-kubernetes checks them against the
Kubernetes API's schemas, offline; the tests below hold what the team relies on beyond the schema: every container
sized and locked down, the web pods probed, the scheduled work the same as the scheduler's, no real secret
committed, and every setting the manifests set one that Wijkmarkt reads."""

import re
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from django.conf import settings

REPO_ROOT = Path(__file__).resolve().parents[2]
MANIFESTS = REPO_ROOT / "deploy" / "kubernetes"
PLACEHOLDER = "CHANGE-ME"
# Read by Python or Django themselves rather than through settings.py's env.
NOT_IN_SETTINGS = {"DJANGO_SETTINGS_MODULE"}


def resources() -> list[dict]:
    found = []
    for path in sorted(MANIFESTS.glob("*.yaml")):
        found.extend(document for document in yaml.safe_load_all(path.read_text()) if document)
    return found


def of_kind(kind: str) -> list[dict]:
    return [resource for resource in resources() if resource["kind"] == kind]


def pod_specs() -> dict[str, dict]:
    """Every pod template, by the name of what runs it."""
    specs = {}
    for resource in resources():
        spec = resource.get("spec", {})
        if resource["kind"] == "CronJob":
            specs[resource["metadata"]["name"]] = spec["jobTemplate"]["spec"]["template"]["spec"]
        elif resource["kind"] in ("Deployment", "Job"):
            specs[resource["metadata"]["name"]] = spec["template"]["spec"]
    return specs


def containers() -> dict[str, dict]:
    return {
        f"{owner}/{container['name']}": container
        for owner, spec in pod_specs().items()
        for container in spec["containers"] + spec.get("initContainers", [])
    }


@pytest.mark.slow
def test_every_manifest_validates_against_the_kubernetes_schemas_in_strict_mode():
    result = subprocess.run(
        [str(REPO_ROOT / "deploy" / "validate-kubernetes")], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ERROR" not in result.stdout + result.stderr


def test_the_expected_resources_are_there():
    kinds = {(resource["kind"], resource["metadata"]["name"]) for resource in resources()}
    for expected in [
        ("Deployment", "wijkmarkt-web"),
        ("Service", "wijkmarkt-web"),
        ("Ingress", "wijkmarkt"),
        ("PodDisruptionBudget", "wijkmarkt-web"),
        ("ConfigMap", "wijkmarkt-settings"),
        ("Secret", "wijkmarkt-secrets"),
        ("Job", "wijkmarkt-migrate"),
        ("PersistentVolumeClaim", "wijkmarkt-media"),
    ]:
        assert expected in kinds
    assert of_kind("NetworkPolicy")
    assert all("namespace" not in resource["metadata"] for resource in resources()), "the team picks it with -n"


def test_every_container_has_resource_requests_and_a_memory_limit():
    for name, container in containers().items():
        assert {"cpu", "memory"} <= set(container["resources"]["requests"]), name
        assert "memory" in container["resources"]["limits"], name


def test_every_pod_runs_as_non_root_without_privileges_on_a_read_only_root():
    for name, spec in pod_specs().items():
        assert spec["securityContext"]["runAsNonRoot"] is True, name
        assert spec["securityContext"].get("runAsUser", 1) != 0, name
        assert spec["automountServiceAccountToken"] is False, name
    for name, container in containers().items():
        context = container["securityContext"]
        assert context["allowPrivilegeEscalation"] is False, name
        assert context["readOnlyRootFilesystem"] is True, name
        assert context["capabilities"]["drop"] == ["ALL"], name
        assert "/tmp" in {mount["mountPath"] for mount in container["volumeMounts"]}, f"{name}: a writable /tmp"  # noqa: S108


def test_the_web_deployment_runs_daphne_on_two_or_more_replicas_with_both_probes():
    (web,) = of_kind("Deployment")
    assert web["spec"]["replicas"] >= 2
    (container,) = web["spec"]["template"]["spec"]["containers"]
    assert " ".join(container["command"]) == (
        "daphne -b 0.0.0.0 -p 8000 --access-log /dev/null wijkmarkt.platform.config.asgi:application"
    )
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    for probe in (container["readinessProbe"], container["livenessProbe"]):
        # No Host header: the kubelet sends the pod's address, which the health middleware answers on.
        assert "httpHeaders" not in probe["httpGet"]
        assert probe["httpGet"]["port"] in ("http", 8000)
    assert {port["containerPort"] for port in container["ports"]} == {8000}


def test_every_deployment_container_is_probed():
    for deployment in of_kind("Deployment"):
        for container in deployment["spec"]["template"]["spec"]["containers"]:
            assert "readinessProbe" in container and "livenessProbe" in container, deployment["metadata"]["name"]


def test_the_service_pdb_and_ingress_reach_the_web_pods():
    (web,) = of_kind("Deployment")
    labels = web["spec"]["template"]["metadata"]["labels"]
    (service,) = of_kind("Service")
    assert service["spec"]["selector"].items() <= labels.items()
    (budget,) = of_kind("PodDisruptionBudget")
    assert budget["spec"]["minAvailable"] == 1
    assert budget["spec"]["selector"]["matchLabels"].items() <= labels.items()
    (ingress,) = of_kind("Ingress")
    hosts = {rule["host"] for rule in ingress["spec"]["rules"]}
    assert hosts == {"wijkmarkt.example.nl", "*.wijkmarkt.example.nl"}
    backends = {
        path["backend"]["service"]["name"] for rule in ingress["spec"]["rules"] for path in rule["http"]["paths"]
    }
    assert backends == {service["metadata"]["name"]}
    annotations = ingress["metadata"]["annotations"]
    for timeout in ("proxy-read-timeout", "proxy-send-timeout"):
        assert int(annotations[f"nginx.ingress.kubernetes.io/{timeout}"]) >= 3600, "sockets stay open"


def test_the_cronjobs_run_the_schedulers_jobs_at_its_times_one_run_at_a_time():
    by_job = {}
    for cronjob in of_kind("CronJob"):
        assert cronjob["spec"]["concurrencyPolicy"] == "Forbid"
        (container,) = cronjob["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"]
        assert container["command"][:4] == ["python", "-m", "django", "run_job"]
        (name,) = container["command"][4:]
        minute, hour, *every_day = cronjob["spec"]["schedule"].split()
        assert every_day == ["*", "*", "*"]
        if hour == "*":  # every N minutes: "*" or "*/N"
            by_job[name] = {"every_minutes": int(minute.removeprefix("*/")) if minute != "*" else 1}
        else:
            by_job[name] = {"at": f"{int(hour):02d}:{int(minute):02d}"}
    assert set(by_job) >= {"marketplace_tasks", "clearsessions", "purge_expired", "check_ledger", "check_search_index"}
    # The same work at the same times as the compose set-up's scheduler process.
    assert by_job == {
        job["name"]: {key: job[key] for key in ("at", "every_minutes") if key in job} for job in settings.WIJKMARKT_JOBS
    }


def test_the_migration_job_migrates_every_schema_with_the_multiprocessing_executor():
    (job,) = of_kind("Job")
    (container,) = job["spec"]["template"]["spec"]["containers"]
    assert container["command"][:4] == ["python", "-m", "django", "migrate_schemas"]
    assert "--executor=multiprocessing" in container["command"]
    assert job["spec"]["backoffLimit"] == 0


def test_the_secret_template_holds_placeholders_only():
    for secret in of_kind("Secret"):
        assert "data" not in secret, "base64 data could hide a real value: use stringData with placeholders"
        for key, value in secret["stringData"].items():
            if "://" in value:
                assert urlsplit(value).password == PLACEHOLDER, key
            else:
                assert value == PLACEHOLDER, key


def test_every_setting_the_manifests_set_is_read_by_the_settings():
    read = set(re.findall(r"env\.\w+\(\s*\"([A-Z0-9_]+)\"", (REPO_ROOT / "platform/config/settings.py").read_text()))
    names = {
        "wijkmarkt-settings": of_kind("ConfigMap")[0]["data"],
        "wijkmarkt-secrets": of_kind("Secret")[0]["stringData"],
    }
    for source, values in names.items():
        assert sorted(set(values) - read - NOT_IN_SETTINGS) == [], f"{source} sets what settings.py never reads"
    for name, container in containers().items():
        referenced = {ref.get("configMapRef", ref.get("secretRef"))["name"] for ref in container["envFrom"]}
        assert referenced == set(names), name
        for variable in container.get("env", []):
            assert variable["name"] in read | NOT_IN_SETTINGS, name
    assert names["wijkmarkt-settings"]["WIJKMARKT_ENV"] == "production"


def test_the_network_policy_lets_in_the_ingress_and_monitoring_and_out_only_the_services():
    policies = of_kind("NetworkPolicy")
    ingress_ports = {
        (peer["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"], port["port"])
        for policy in policies
        for rule in policy["spec"].get("ingress", [])
        for peer in rule["from"]
        for port in rule["ports"]
    }
    assert ingress_ports == {("ingress-nginx", 8000), ("monitoring", 8000)}
    egress_ports = {
        port["port"] for policy in policies for rule in policy["spec"].get("egress", []) for port in rule["ports"]
    }
    assert egress_ports == {53, 5432, 6379, 587}
    everything = [policy for policy in policies if "Egress" in policy["spec"]["policyTypes"]]
    assert everything and all(
        policy["spec"]["podSelector"]["matchLabels"] == {"app.kubernetes.io/name": "wijkmarkt"} for policy in everything
    )
