/**
 * Cost of the server's check of voorstellen (docs/decisions/proposals.md):
 * every update from a SUGGEST connection is applied to a copy of the
 * document and the bodies compared; an editor's update that names no
 * proposal mark skips it. Real Dutch text from ../shared/corpus, read at run
 * time, as documents of growing size.
 *
 *   npm run bench:proposals
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { checkProposalUpdate, markdownToYDocUpdate } from '../../libs/collab/src';
import { renderTable } from './support/table';

const CORPUS = join(__dirname, '../../../shared/corpus');
const AUTHOR = { id: 'u-bram', name: 'Bram' };
const RUNS = 50;

function corpusText(bytes: number): string {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt'));
  let text = '';
  for (let i = 0; text.length < bytes; i++)
    text += `${readFileSync(join(CORPUS, files[i % files.length]), 'utf8')}\n\n`;
  return text.slice(0, bytes).replace(/\n{3,}/g, '\n\n');
}

function firstText(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

function updateOn(doc: Y.Doc, attributes: Record<string, unknown> | undefined): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  firstText(copy).insert(0, 'zorgvuldig ', attributes);
  return Y.encodeStateAsUpdate(copy, before);
}

function median(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const rows: string[][] = [];
for (const kb of [10, 100, 1000]) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, markdownToYDocUpdate(corpusText(kb * 1024)));
  const proposal = updateOn(doc, {
    proposalInsert: { id: 'p', authorId: AUTHOR.id, authorName: AUTHOR.name, createdAt: 'nu' },
  });
  const plain = updateOn(doc, undefined);
  rows.push([
    `${kb} KB`,
    `${median(() => checkProposalUpdate(doc, proposal, AUTHOR, true)).toFixed(2)} ms`,
    `${median(() => checkProposalUpdate(doc, plain, AUTHOR, false)).toFixed(3)} ms`,
  ]);
}
console.log(renderTable(['document', 'suggester update (median)', 'editor update without proposals (median)'], rows));
