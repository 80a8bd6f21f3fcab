/**
 * The browser script of the docs page, as text: it fetches ./openapi.json and renders it. Plain
 * JavaScript with no library, since the machines that serve and read it have no internet. It only
 * creates nodes and sets text (never innerHTML), so nothing in the document can inject markup. It uses
 * a small DOM surface (createElement, createTextNode, getElementById, appendChild, setAttribute,
 * textContent, hidden, addEventListener) which docs.test.ts runs against a fake document.
 * No template literals below: this file is itself one.
 */
export const DOCS_SCRIPT = String.raw`
(() => {
  'use strict';
  const byId = (id) => document.getElementById(id);

  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== false && value !== null && value !== undefined) node.setAttribute(name, String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false || child === '') continue;
      node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  // Backticks in descriptions mark code, as in Markdown.
  function inline(text) {
    return String(text).split('\u0060').map((part, i) => (i % 2 === 1 ? h('code', {}, part) : part));
  }

  // The API writes "Tiếng Việt / English": Vietnamese first, the English twin after it, marked as English.
  function bilingual(text, tag, cls) {
    if (!text) return null;
    const at = text.indexOf(' / ');
    if (at < 0) return h(tag, { class: cls }, inline(text));
    return h(tag, { class: cls }, inline(text.slice(0, at)), ' ', h('span', { class: 'en', lang: 'en' }, inline(text.slice(at + 3))));
  }

  const TYPE_NAMES = {
    string: 'chuỗi / string',
    integer: 'số nguyên / integer',
    number: 'số / number',
    boolean: 'đúng-sai / boolean',
    object: 'đối tượng / object',
    null: 'null',
  };
  const refName = (ref) => ref.slice(ref.lastIndexOf('/') + 1);
  const anchor = (prefix, name) => prefix + '-' + String(name).replace(/[^A-Za-z0-9_-]/g, '_');
  const refLink = (ref) => h('a', { href: '#' + anchor('schema', refName(ref)) }, refName(ref));
  const codeList = (values) => values.map((value, i) => [i > 0 ? ', ' : '', h('code', {}, JSON.stringify(value))]);
  const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

  function typeLabel(schema) {
    if (schema.$ref) return refLink(schema.$ref);
    if ('const' in schema) return h('code', {}, JSON.stringify(schema.const));
    if (Array.isArray(schema.enum)) return ['một trong / one of: ', codeList(schema.enum)];
    if (schema.oneOf || schema.anyOf) return 'một trong các dạng / one of the forms';
    const types = [].concat(schema.type || []);
    if (types.length === 0) return 'JSON bất kỳ / any JSON';
    return types.map((type, i) => [
      i > 0 ? ' | ' : '',
      type === 'array' ? ['mảng / array of ', typeLabel(isObject(schema.items) ? schema.items : {})] : TYPE_NAMES[type] || type,
    ]);
  }

  const SAFE_INT = 9007199254740991;
  function facts(schema) {
    const out = [];
    const add = (label, value) => out.push(h('span', { class: 'fact' }, label, value === undefined ? '' : h('code', {}, JSON.stringify(value))));
    if (schema.format) add('định dạng / format ', schema.format);
    // A format (date-time, date) says it better than zod's long pattern for it.
    if (schema.pattern && !schema.format) add('mẫu / pattern ', schema.pattern);
    if (schema.minLength !== undefined) add('≥ ký tự / min length ', schema.minLength);
    if (schema.maxLength !== undefined) add('≤ ký tự / max length ', schema.maxLength);
    if (schema.minimum !== undefined) add('≥ ', schema.minimum);
    if (schema.exclusiveMinimum !== undefined) add('> ', schema.exclusiveMinimum);
    if (schema.maximum !== undefined && schema.maximum !== SAFE_INT) add('≤ ', schema.maximum);
    if (schema.exclusiveMaximum !== undefined) add('< ', schema.exclusiveMaximum);
    if (schema.minItems !== undefined) add('≥ phần tử / min items ', schema.minItems);
    if (schema.maxItems !== undefined) add('≤ phần tử / max items ', schema.maxItems);
    if (schema.default !== undefined) add('mặc định / default ', schema.default);
    if (Array.isArray(schema.examples) && schema.examples.length > 0) add('ví dụ / e.g. ', schema.examples[0]);
    if (schema.additionalProperties === false) add('không nhận trường khác / no other fields');
    return out;
  }

  // Named schemas are linked, never expanded, so recursive ones (a JSON-logic rule) end at once.
  function schemaView(schema, depth) {
    const s = isObject(schema) ? schema : {};
    return [
      h('span', { class: 'type' }, typeLabel(s)),
      facts(s),
      s.description && !s.$ref ? [' ', bilingual(s.description, 'span', 'desc')] : null,
      nested(s, depth),
    ];
  }

  function nested(schema, depth) {
    if (depth > 8) return null;
    if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) {
      return h('ol', { class: 'alts' }, (schema.oneOf || schema.anyOf).map((alt) => h('li', {}, schemaView(alt, depth + 1))));
    }
    if (isObject(schema.items) && !schema.items.$ref) return nested(schema.items, depth);
    const props = isObject(schema.properties) ? Object.entries(schema.properties) : [];
    const extra = isObject(schema.additionalProperties) ? schema.additionalProperties : null;
    if (props.length === 0 && extra === null) return null;
    const required = new Set(schema.required || []);
    return h(
      'ul',
      { class: 'props' },
      props.map(([name, prop]) =>
        h('li', {}, h('code', { class: 'name' }, name), required.has(name) ? h('span', { class: 'req' }, 'bắt buộc / required') : '', ' ', schemaView(prop, depth + 1)),
      ),
      extra ? h('li', {}, h('code', { class: 'name' }, '[khóa / key]'), ' ', schemaView(extra, depth + 1)) : null,
    );
  }

  const WHERE = { path: 'đường dẫn / path', query: 'truy vấn / query', header: 'header' };
  function parametersView(parameters) {
    if (!Array.isArray(parameters) || parameters.length === 0) return null;
    return h(
      'table',
      {},
      h('caption', {}, 'Tham số / Parameters'),
      h('thead', {}, h('tr', {}, ['Tên / Name', 'Vị trí / In', 'Bắt buộc / Required', 'Kiểu, mô tả / Type, description'].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        {},
        parameters.map((p) =>
          h('tr', {}, h('td', {}, h('code', {}, p.name)), h('td', {}, WHERE[p.in] || p.in), h('td', {}, p.required ? 'có / yes' : 'không / no'), h('td', {}, schemaView(p.schema, 1))),
        ),
      ),
    );
  }

  let components = {};

  // A body or a success answer named by a schema: its name links to it, and its fields show right here.
  function contentView(content, expand) {
    const json = isObject(content) ? content['application/json'] : undefined;
    if (!json) return null;
    const ref = isObject(json.schema) && json.schema.$ref;
    const named = ref && expand ? components[refName(ref)] : undefined;
    return h('div', { class: 'schema' }, schemaView(json.schema, 0), isObject(named) ? [facts(named), named.description ? [' ', bilingual(named.description, 'span', 'desc')] : null, nested(named, 1)] : null);
  }

  function operationView(path, method, op) {
    const id = anchor('op', op.operationId || method + path);
    const security = Array.isArray(op.security) && op.security.length > 0 ? op.security.flatMap((s) => Object.keys(s)) : [];
    const responses = Object.entries(op.responses || {});
    return h(
      'section',
      { class: 'op', id, 'aria-labelledby': id + '-h' },
      h('h3', { id: id + '-h' }, h('span', { class: 'method m-' + method }, method.toUpperCase()), ' ', h('code', { class: 'path' }, path)),
      bilingual(op.summary, 'p', 'summary'),
      bilingual(op.description, 'p', 'description'),
      h(
        'p',
        { class: 'meta' },
        security.length > 0 ? ['Cần xác thực / Requires: ', security.join(', ')] : 'Công khai / Public',
        ' · operationId ',
        h('code', {}, op.operationId),
      ),
      parametersView(op.parameters),
      op.requestBody ? [h('h4', {}, 'Nội dung gửi / Request body'), contentView(op.requestBody.content, true)] : null,
      h('h4', {}, 'Kết quả / Responses'),
      h('dl', { class: 'responses' }, responses.map(([status, r]) => [h('dt', {}, h('code', {}, status), ' ', bilingual(r.description, 'span')), h('dd', {}, contentView(r.content, /^2/.test(status)))])),
    );
  }

  function render(doc) {
    components = (doc.components && doc.components.schemas) || {};
    byId('title').textContent = (doc.info && doc.info.title) || 'API';
    document.title = byId('title').textContent + ': tài liệu / documentation';
    const intro = byId('description');
    intro.textContent = '';
    intro.appendChild(bilingual((doc.info && doc.info.description) || '', 'span') || document.createTextNode(''));
    intro.appendChild(document.createTextNode(' Phiên bản / Version ' + ((doc.info && doc.info.version) || '')));

    const groups = new Map();
    const entries = [];
    for (const [path, item] of Object.entries(doc.paths || {})) {
      for (const [method, op] of Object.entries(item)) {
        const tag = (op.tags && op.tags[0]) || 'Khác / Other';
        if (!groups.has(tag)) groups.set(tag, []);
        groups.get(tag).push({ path, method, op });
      }
    }
    const toc = h('ul', {});
    const content = byId('content');
    content.textContent = '';
    const sections = [];
    for (const [tag, ops] of groups) {
      const tagId = anchor('tag', tag);
      const tocOps = h('ul', {});
      toc.appendChild(h('li', {}, h('a', { href: '#' + tagId }, tag), tocOps));
      const section = h('section', { class: 'tag', id: tagId, 'aria-labelledby': tagId + '-h' }, h('h2', { id: tagId + '-h' }, tag));
      const own = [];
      for (const { path, method, op } of ops) {
        const node = operationView(path, method, op);
        const tocItem = h('li', {}, h('a', { href: '#' + node.getAttribute('id') }, method.toUpperCase() + ' ' + path));
        tocOps.appendChild(tocItem);
        section.appendChild(node);
        const text = [method, path, op.operationId, op.summary, op.description, tag].join(' ').toLowerCase();
        const entry = { node, tocItem, text };
        own.push(entry);
        entries.push(entry);
      }
      sections.push({ section, own });
      content.appendChild(section);
    }
    const schemas = Object.entries(components);
    if (schemas.length > 0) {
      toc.appendChild(h('li', {}, h('a', { href: '#schemas' }, 'Lược đồ dữ liệu / Schemas')));
      content.appendChild(
        h(
          'section',
          { class: 'tag', id: 'schemas', 'aria-labelledby': 'schemas-h' },
          h('h2', { id: 'schemas-h' }, 'Lược đồ dữ liệu / Schemas'),
          schemas.map(([name, schema]) => h('section', { class: 'op', id: anchor('schema', name) }, h('h3', {}, h('code', {}, name)), h('div', { class: 'schema' }, schemaView(schema, 0)))),
        ),
      );
    }
    const nav = byId('toc');
    nav.textContent = '';
    nav.appendChild(h('h2', {}, 'Mục lục / Contents'));
    nav.appendChild(toc);

    const status = byId('status');
    const count = (shown) => (status.textContent = shown + '/' + entries.length + ' thao tác / operations');
    count(entries.length);
    const filter = byId('filter');
    filter.addEventListener('input', () => {
      const words = String(filter.value || '').toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const entry of entries) {
        entry.node.hidden = !words.every((w) => entry.text.includes(w));
        entry.tocItem.hidden = entry.node.hidden;
        if (!entry.node.hidden) shown += 1;
      }
      for (const { section, own } of sections) section.hidden = own.every((entry) => entry.node.hidden);
      count(shown);
    });
    // The browser looked for #fragment before the content existed: go there now.
    const target = typeof location === 'object' && location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target && target.scrollIntoView) target.scrollIntoView();
  }

  fetch('openapi.json', { headers: { accept: 'application/json' } })
    .then((response) => {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    })
    .then(render)
    .catch((error) => {
      const status = byId('status');
      status.setAttribute('class', 'error');
      status.textContent = 'Không tải được openapi.json / Could not load openapi.json: ' + (error && error.message ? error.message : error);
    });
})();
`;
