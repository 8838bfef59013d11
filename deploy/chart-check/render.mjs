// A small renderer for the subset of Helm's Go templates this chart uses (helm itself cannot be installed here).
// Actions: text, {{ pipeline }}, if / else if / else, range (with $i, $v :=), with, define, include, $v := ...,
// the trim markers {{- and -}}. Functions: the ones in FUNCS below; anything else fails loudly, so a template that
// starts using a function this renderer lacks breaks the check instead of rendering wrongly.
import { stringify } from 'yaml';

const ACTION = /\{\{(-?)\s*([\s\S]*?)\s*(-?)\}\}/g;

function tokenize(source) {
  const tokens = [];
  let last = 0;
  for (const m of source.matchAll(ACTION)) {
    tokens.push({ type: 'text', value: source.slice(last, m.index) });
    tokens.push({ type: 'action', value: m[2], trimLeft: m[1] === '-', trimRight: m[3] === '-' });
    last = m.index + m[0].length;
  }
  tokens.push({ type: 'text', value: source.slice(last) });
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'action') continue;
    if (t.trimLeft && tokens[i - 1]?.type === 'text') tokens[i - 1].value = tokens[i - 1].value.replace(/\s+$/, '');
    if (t.trimRight && tokens[i + 1]?.type === 'text') tokens[i + 1].value = tokens[i + 1].value.replace(/^\s+/, '');
  }
  return tokens.filter((t) => t.type === 'action' || t.value !== '').filter((t) => !(t.type === 'action' && t.value.startsWith('/*')));
}

function parse(tokens, defines) {
  let pos = 0;
  function block(stopAt) {
    const nodes = [];
    while (pos < tokens.length) {
      const t = tokens[pos];
      if (t.type === 'text') {
        nodes.push({ kind: 'text', value: t.value });
        pos++;
        continue;
      }
      const [word] = t.value.split(/\s+/, 1);
      if (stopAt.includes(word)) return nodes;
      pos++;
      if (word === 'if' || word === 'with') {
        nodes.push(conditional(word, t.value.slice(word.length).trim()));
      } else if (word === 'range') {
        const m = /^range\s+(?:(\$\w+)\s*(?:,\s*(\$\w+))?\s*:=\s*)?(.*)$/s.exec(t.value);
        const body = block(['end', 'else']);
        let otherwise = [];
        if (tokens[pos].value === 'else') {
          pos++;
          otherwise = block(['end']);
        }
        pos++;
        nodes.push({ kind: 'range', first: m[1], second: m[2], pipeline: m[3], body, otherwise });
      } else if (word === 'define') {
        const name = JSON.parse(t.value.slice(6).trim());
        defines[name] = block(['end']);
        pos++;
      } else {
        nodes.push({ kind: 'action', value: t.value });
      }
    }
    if (stopAt.length) throw new Error(`missing {{ end }} (looking for ${stopAt.join('/')})`);
    return nodes;
  }
  function conditional(word, pipeline) {
    const then = block(['end', 'else']);
    let otherwise = [];
    const t = tokens[pos];
    if (t.value === 'else') {
      pos++;
      otherwise = block(['end']);
      pos++;
    } else if (t.value.startsWith('else if ')) {
      pos++;
      otherwise = [conditional('if', t.value.slice(8).trim())];
    } else {
      pos++;
    }
    return { kind: word, pipeline, then, otherwise };
  }
  return block([]);
}

function truthy(v) {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

function toYaml(v) {
  if (v === null || v === undefined) return 'null';
  return stringify(v, { lineWidth: 0 }).replace(/\n$/, '');
}

function printf(format, ...args) {
  let i = 0;
  return format.replace(/%(0?\d*)([sdvq%])/g, (_, width, verb) => {
    if (verb === '%') return '%';
    const arg = args[i++];
    let text = verb === 'q' ? JSON.stringify(String(arg)) : verb === 'd' ? String(Math.trunc(Number(arg))) : String(arg);
    if (width) text = text.padStart(Number(width), width.startsWith('0') ? '0' : ' ');
    return text;
  });
}

const indent = (n, s) => String(s).split('\n').map((line) => ' '.repeat(n) + line).join('\n');

const FUNCS = {
  quote: (v) => JSON.stringify(v === null || v === undefined ? '' : String(v)),
  toYaml,
  nindent: (n, s) => '\n' + indent(n, s),
  indent: (n, s) => indent(n, s),
  printf,
  trunc: (n, s) => String(s).slice(0, n),
  trimSuffix: (suffix, s) => (String(s).endsWith(suffix) ? String(s).slice(0, -suffix.length) : String(s)),
  default: (fallback, v) => (truthy(v) ? v : fallback),
  required: (message, v) => {
    if (!truthy(v)) throw new Error(message);
    return v;
  },
  int: (v) => Math.trunc(Number(v)),
  not: (v) => !truthy(v),
  and: (...vs) => vs.reduce((a, b) => (truthy(a) ? b : a)),
  or: (...vs) => vs.reduce((a, b) => (truthy(a) ? a : b)),
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  toString: (v) => String(v),
  lower: (v) => String(v).toLowerCase(),
  upper: (v) => String(v).toUpperCase(),
  b64enc: (v) => Buffer.from(String(v)).toString('base64'),
};

function splitTop(text, separator) {
  const parts = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of text) {
    if (ch === '"' && !current.endsWith('\\')) quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (!quoted && depth === 0 && (separator === ' ' ? /\s/.test(ch) : ch === separator)) {
      if (current.trim() !== '') parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

function field(value, path) {
  let v = value;
  for (const part of path.split('.').filter(Boolean)) {
    v = v === null || v === undefined ? undefined : v[part];
  }
  return v;
}

export function createRenderer(defines) {
  function operand(text, scope) {
    if (text.startsWith('(')) return pipeline(text.slice(1, -1), scope);
    if (text.startsWith('"')) return JSON.parse(text);
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    if (text === 'true' || text === 'false') return text === 'true';
    if (text === 'nil') return null;
    if (text === '.') return scope.dot;
    if (text.startsWith('.')) return field(scope.dot, text);
    if (text.startsWith('$')) {
      const [name, ...rest] = text.split('.');
      const base = name === '$' ? scope.root : scope.vars[name];
      if (base === undefined && name !== '$' && !(name in scope.vars)) throw new Error(`undefined variable ${name}`);
      return field(base, rest.join('.'));
    }
    throw new Error(`cannot read "${text}"`);
  }

  function command(text, scope, piped) {
    const words = splitTop(text, ' ');
    const [head, ...rest] = words;
    const isFunction = /^[a-zA-Z]\w*$/.test(head) && !['true', 'false', 'nil'].includes(head);
    if (!isFunction) {
      if (words.length > 1 || piped.length) throw new Error(`"${text}" is not a function call`);
      return operand(head, scope);
    }
    const args = [...rest.map((w) => operand(w, scope)), ...piped];
    if (head === 'include') {
      const [name, context] = args;
      if (!defines[name]) throw new Error(`no template named "${name}"`);
      return run(defines[name], { ...scope, dot: context, vars: {} });
    }
    const fn = FUNCS[head];
    if (!fn) throw new Error(`function "${head}" is not supported by this renderer`);
    return fn(...args);
  }

  function pipeline(text, scope) {
    const assign = /^(\$\w+)\s*:=\s*(.*)$/s.exec(text);
    if (assign) {
      scope.vars[assign[1]] = pipeline(assign[2], scope);
      return '';
    }
    let value;
    let first = true;
    for (const part of splitTop(text, '|')) {
      value = command(part, scope, first ? [] : [value]);
      first = false;
    }
    return value;
  }

  function run(nodes, scope) {
    let out = '';
    for (const node of nodes) {
      if (node.kind === 'text') {
        out += node.value;
      } else if (node.kind === 'action') {
        const v = pipeline(node.value, scope);
        out += v === null || v === undefined ? '' : typeof v === 'object' ? toYaml(v) : String(v);
      } else if (node.kind === 'if') {
        out += run(truthy(pipeline(node.pipeline, scope)) ? node.then : node.otherwise, scope);
      } else if (node.kind === 'with') {
        const v = pipeline(node.pipeline, scope);
        out += truthy(v) ? run(node.then, { ...scope, dot: v }) : run(node.otherwise, scope);
      } else if (node.kind === 'range') {
        const v = pipeline(node.pipeline, scope);
        const entries = Array.isArray(v) ? v.map((x, i) => [i, x]) : v && typeof v === 'object' ? Object.entries(v).sort() : [];
        if (entries.length === 0) out += run(node.otherwise, scope);
        for (const [key, item] of entries) {
          const vars = { ...scope.vars };
          if (node.first && node.second) {
            vars[node.first] = key;
            vars[node.second] = item;
          } else if (node.first) {
            vars[node.first] = item;
          }
          out += run(node.body, { ...scope, dot: item, vars });
        }
      }
    }
    return out;
  }

  return { run, pipeline };
}

/** Renders one template file's text with the chart's defines and the root context {Values, Release, Chart}. */
export function render(templateText, defines, root) {
  const nodes = parse(tokenize(templateText), defines);
  return createRenderer(defines).run(nodes, { root, dot: root, vars: {} });
}

/** Reads the defines of the helper files (_*.tpl). */
export function loadDefines(helperTexts) {
  const defines = {};
  for (const text of helperTexts) parse(tokenize(text), defines);
  return defines;
}
