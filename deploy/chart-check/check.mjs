// The chart's check: renders every template of charts/sharedhotline with the default values and with
// ci/sample-values.yaml (every optional part on), validates the values against values.schema.json (as helm does) and
// every rendered object against the Kubernetes schemas shipped in kubernetes-models (and the prometheus-operator
// models for the ServiceMonitor). Prints "N passed, N failed"; exits 1 on any failure.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import Ajv from 'ajv';
import * as core from 'kubernetes-models/v1';
import * as apps from 'kubernetes-models/apps/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as monitoring from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { loadDefines, render } from './render.mjs';

const chart = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'charts', 'sharedhotline');
const models = {
  'v1/Service': core.Service,
  'v1/Secret': core.Secret,
  'apps/v1/Deployment': apps.Deployment,
  'networking.k8s.io/v1/Ingress': networking.Ingress,
  'networking.k8s.io/v1/NetworkPolicy': networking.NetworkPolicy,
  'policy/v1/PodDisruptionBudget': policy.PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': autoscaling.HorizontalPodAutoscaler,
  'monitoring.coreos.com/v1/ServiceMonitor': monitoring.ServiceMonitor,
};

let passed = 0;
let failed = 0;
function check(name, fn) {
  try {
    fn();
    passed++;
    console.log(`  ok   ${name}`);
  } catch (error) {
    failed++;
    console.log(`  FAIL ${name}: ${error.message}`);
  }
}

const merge = (a, b) => {
  if (Array.isArray(b) || typeof b !== 'object' || b === null) return b;
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in out && typeof out[k] === 'object' && !Array.isArray(out[k]) ? merge(out[k], v) : v;
  return out;
};

const chartYaml = parse(readFileSync(join(chart, 'Chart.yaml'), 'utf8'));
const defaults = parse(readFileSync(join(chart, 'values.yaml'), 'utf8'));
const schema = JSON.parse(readFileSync(join(chart, 'values.schema.json'), 'utf8'));
const validateValues = new Ajv({ allErrors: true, strict: false }).compile(schema);
const files = readdirSync(join(chart, 'templates'));
const defines = loadDefines(files.filter((f) => f.startsWith('_')).map((f) => readFileSync(join(chart, 'templates', f), 'utf8')));
const templates = files.filter((f) => f.endsWith('.yaml'));

const cases = {
  default: defaults,
  sample: merge(defaults, parse(readFileSync(join(chart, 'ci', 'sample-values.yaml'), 'utf8'))),
};
const kindsFor = {
  default: ['Deployment', 'Service', 'Ingress', 'PodDisruptionBudget'],
  sample: ['Deployment', 'Service', 'Ingress', 'PodDisruptionBudget', 'Secret', 'HorizontalPodAutoscaler', 'NetworkPolicy', 'ServiceMonitor'],
};

for (const [label, values] of Object.entries(cases)) {
  check(`${label} values match values.schema.json`, () => {
    if (!validateValues(values)) throw new Error(validateValues.errors.map((e) => `${e.instancePath} ${e.message}`).join('; '));
  });
  const root = { Values: values, Release: { Name: 'hotline', Namespace: 'hotline', Service: 'Helm' }, Chart: { Name: chartYaml.name, Version: chartYaml.version, AppVersion: chartYaml.appVersion } };
  const kinds = [];
  for (const template of templates) {
    let text;
    try {
      text = render(readFileSync(join(chart, 'templates', template), 'utf8'), defines, root);
    } catch (error) {
      check(`${label}: ${template} renders`, () => {
        throw error;
      });
      continue;
    }
    for (const doc of parseAllDocuments(text)) {
      const object = doc.toJS();
      if (object === null) continue;
      const key = `${object.apiVersion}/${object.kind}`;
      kinds.push(object.kind);
      check(`${label}: ${template} -> ${object.kind} ${object.metadata?.name} is valid Kubernetes`, () => {
        if (doc.errors.length) throw new Error(doc.errors.map((e) => e.message).join('; '));
        const Model = models[key];
        if (!Model) throw new Error(`no schema for ${key}`);
        new Model(object).validate();
      });
      if (object.kind === 'Deployment') {
        check(`${label}: the pod runs non-root on a read-only root file system with every capability dropped`, () => {
          const pod = object.spec.template.spec;
          const container = pod.containers[0];
          if (pod.securityContext?.runAsNonRoot !== true) throw new Error('runAsNonRoot is not true');
          if (container.securityContext?.readOnlyRootFilesystem !== true) throw new Error('the root file system is writable');
          if (!container.securityContext?.capabilities?.drop?.includes('ALL')) throw new Error('capabilities are not dropped');
          if (object.spec.strategy.rollingUpdate.maxUnavailable !== 0) throw new Error('maxUnavailable is not 0');
          if (!container.lifecycle?.preStop) throw new Error('no preStop');
          if (pod.terminationGracePeriodSeconds <= values.shutdown.drainTimeoutSeconds + values.shutdown.preStopSeconds) throw new Error('the grace period does not cover preStop and the drain');
          if (JSON.stringify(container.env).includes('Password=')) throw new Error('a connection string is in the environment, not in a Secret');
        });
      }
    }
  }
  check(`${label}: renders ${kindsFor[label].join(', ')}`, () => {
    const missing = kindsFor[label].filter((k) => !kinds.includes(k));
    if (missing.length) throw new Error(`missing ${missing.join(', ')}`);
  });
}

check('the schema refuses values that are wrong', () => {
  for (const bad of [{ replicaCount: 'two' }, { telemetry: { otlpEndpoint: 'not a url' } }, { connections: { create: true, hotline: '' } }, { shutdown: { drainTimeoutSeconds: 90 } }, { hotline: { logLevel: 'Loud' } }]) {
    if (validateValues(merge(defaults, bad))) throw new Error(`accepted ${JSON.stringify(bad)}`);
  }
});

console.log(`chart check: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
