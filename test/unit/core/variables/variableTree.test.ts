// Proves a frame's variable tree: nesting kept, Sentry's `_meta` trimming and filtering shown as notes, sensitive
// values scrubbed by name and by shape, and every level bounded.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { variablesOfFrame, type VariableNode } from '../../../../src/core/variables/variableTree';

function byName(nodes: readonly VariableNode[], name: string): VariableNode {
  const node = nodes.find((candidate) => candidate.name === name);
  assert.ok(node, `has a variable ${name}`);
  return node;
}

describe('frame variables', () => {
  test('keeps names in the order sent with scalar values as text', () => {
    const nodes = variablesOfFrame({ total: 42, name: "'cart'", ok: true, missing: null }, undefined);
    assert.deepEqual(
      nodes.map((node) => [node.name, node.value, node.kind]),
      [
        ['total', '42', 'text'],
        ['name', "'cart'", 'text'],
        ['ok', 'true', 'text'],
        ['missing', 'null', 'text'],
      ],
    );
  });

  test('nests objects and arrays as children with a summary value', () => {
    const [cart] = variablesOfFrame({ cart: { items: [{ sku: 'A1', price: 3 }], owner: 'ann' } }, undefined);
    assert.equal(cart?.value, '{2 keys}');
    assert.equal(cart?.kind, 'object');
    const items = byName(cart?.children ?? [], 'items');
    assert.equal(items.value, '[1 item]');
    assert.equal(items.kind, 'array');
    const first = byName(items.children, '0');
    assert.deepEqual(
      first.children.map((child) => [child.name, child.value]),
      [
        ['sku', 'A1'],
        ['price', '3'],
      ],
    );
  });

  test("shows the SDK's list trimming from _meta: how many items there were and how many came", () => {
    const [list] = variablesOfFrame({ prices: ['1', '2'] }, { prices: { '': { len: 52 } } });
    assert.equal(list?.value, '[52 items]');
    assert.equal(list?.note, '2 of 52 items sent');
    assert.equal(list?.children.length, 2);
  });

  test('shows a string cut by the SDK or the server with its original length', () => {
    const [text] = variablesOfFrame({ body: "'abc...'" }, { body: { '': { len: 5000, rem: [['!limit', 'x']] } } });
    assert.equal(text?.value, "'abc...'");
    assert.match(text?.note ?? '', /filtered by the server \(!limit\)|cut from 5000 characters/);
    const [plain] = variablesOfFrame({ body: "'abc...'" }, { body: { '': { len: 5000 } } });
    assert.equal(plain?.note, 'cut from 5000 characters');
  });

  test('marks a value the server filtered, with the rule that did it', () => {
    const [secret] = variablesOfFrame(
      { card: '[Filtered]' },
      { card: { '': { rem: [['@creditcard:filter', 's', 0, 10]], len: 19 } } },
    );
    assert.equal(secret?.kind, 'filtered');
    assert.equal(secret?.value, '[Filtered]');
    assert.equal(secret?.note, 'filtered by the server (@creditcard:filter)');
  });

  test('scrubs sensitive names at any depth and card numbers in values, even when the server did not', () => {
    const nodes = variablesOfFrame(
      {
        password: "'hunter2'",
        request: { headers: { Authorization: 'Bearer abc', Accept: '*/*' } },
        note: "'pay with 4111 1111 1111 1111'",
        order: '4111 1111 1111 1112',
      },
      undefined,
    );
    assert.equal(byName(nodes, 'password').value, '[Filtered]');
    assert.equal(byName(nodes, 'password').note, 'hidden: sensitive name');
    const headers = byName(byName(nodes, 'request').children, 'headers');
    assert.equal(byName(headers.children, 'Authorization').value, '[Filtered]');
    assert.equal(byName(headers.children, 'Accept').value, '*/*');
    assert.equal(byName(nodes, 'note').value, '[Filtered]');
    assert.equal(byName(nodes, 'note').note, 'hidden: card number');
    // Not a valid card number (Luhn): a long number stays.
    assert.equal(byName(nodes, 'order').value, '4111 1111 1111 1112');
  });

  test('keeps hostile text as text with invisible controls made visible', () => {
    const [value] = variablesOfFrame({ '<img src=x onerror=alert(1)>': '\u202e<script>' }, undefined);
    assert.equal(value?.name, '<img src=x onerror=alert(1)>');
    assert.equal(value?.value, '\ufffd<script>');
  });

  test('bounds depth, breadth and the total per frame', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 20; level++) deep = { next: deep };
    const bounds = { maxDepth: 3, maxChildren: 5, maxNodes: 12, maxValueLength: 10 };
    const [chain] = variablesOfFrame({ chain: deep }, undefined, bounds);
    let node = chain;
    let depth = 0;
    while (node && node.children.length > 0) {
      node = node.children[0];
      depth++;
    }
    assert.equal(depth, 3);
    assert.equal(node?.note, 'too deep to show');

    const [wide] = variablesOfFrame({ wide: Array.from({ length: 50 }, (_, index) => index) }, undefined, bounds);
    assert.equal(wide?.children.length, 5);
    assert.equal(wide?.note, '5 of 50 items shown');

    const many = variablesOfFrame(
      Object.fromEntries(Array.from({ length: 5 }, (_, index) => [`v${index}`, [1, 2, 3, 4, 5]])),
      undefined,
      bounds,
    );
    const total = (nodes: readonly VariableNode[]): number =>
      nodes.reduce((sum, item) => sum + 1 + total(item.children), 0);
    assert.ok(total(many) <= 12, `at most 12 nodes, got ${total(many)}`);

    const [long] = variablesOfFrame({ long: 'x'.repeat(50) }, undefined, bounds);
    assert.equal(long?.value.length, 10);
    assert.equal(long?.note, 'cut from 50 characters');
  });

  test('gives no variables for anything but an object', () => {
    assert.deepEqual(variablesOfFrame(null, undefined), []);
    assert.deepEqual(variablesOfFrame(['a'], undefined), []);
    assert.deepEqual(variablesOfFrame('x', undefined), []);
  });
});
