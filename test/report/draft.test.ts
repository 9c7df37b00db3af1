import { describe, expect, it } from 'vitest';
import { draftReason } from '../../src/report/content/draft.js';
import { factsText } from '../../src/report/content/history.js';
import type { PersonRow } from '../../src/report/content/model.js';

const row = (unitCode: string, unitName: string, rating: PersonRow['rating'] = 'thieu-du-lieu') => ({
  unitCode,
  unitName,
  rating,
});
const noNeeds = { needs: [] };

describe('the draft line (DỰ THẢO) names what a reader knows', () => {
  it('names the units of the persons not rated by their names, each once, not by their codes', () => {
    const rows = [
      row('SYT', 'Sở Y tế'),
      row('SYT', 'Sở Y tế'),
      row('TTRA', 'Thanh tra tỉnh'),
      row('STC', 'Sở Tài chính', 'hoan-thanh'),
    ];
    expect(draftReason(rows, noNeeds, 'vi')).toBe('3 người chưa đủ dữ liệu để xếp loại: Sở Y tế, Thanh tra tỉnh');
    expect(draftReason(rows, noNeeds, 'en')).toBe('3 person(s) lack data to be rated: Sở Y tế, Thanh tra tỉnh');
  });

  it('names ten units at most and counts the others (a national year)', () => {
    const rows = Array.from({ length: 13 }, (_, i) => row(`U${i}`, `Xã số ${i + 1}`));
    const text = draftReason(rows, noNeeds, 'vi') ?? '';
    expect(text).toContain('13 người chưa đủ dữ liệu để xếp loại: Xã số 1, Xã số 2,');
    expect(text).toMatch(/Xã số 10 và 3 đơn vị khác$/u);
    expect(text).not.toContain('Xã số 11');
  });

  it('adds each act the year lacks, and is undefined for a complete year', () => {
    const needs = [{ key: 'legal.index.basis', vi: 'cần văn bản X', en: 'needs act X' }];
    expect(draftReason([row('A', 'Sở A')], { needs }, 'vi')).toBe(
      '1 người chưa đủ dữ liệu để xếp loại: Sở A; cần văn bản X',
    );
    expect(draftReason([row('A', 'Sở A', 'xuat-sac')], noNeeds, 'vi')).toBeUndefined();
  });
});

describe("diff's reasons (vì:) say each change once", () => {
  const item = (code: string, from: string, to: string) => ({ what: `tiêu chí ${code}`, from, to });
  it('one item changed: that item alone', () => {
    expect(factsText([item('1.1', 'Đạt', 'Không đạt')])).toBe('tiêu chí 1.1: Đạt → Không đạt');
  });

  it('items changed alike are named together; many are counted with the first and the last', () => {
    const arrived = Array.from({ length: 22 }, (_, i) =>
      item(`${Math.floor(i / 6) + 1}.${(i % 6) + 1}`, 'chưa đánh giá', 'Đạt'),
    );
    const text = factsText([
      ...arrived,
      item('2.7', 'Đạt', 'Không đạt'),
      { what: 'điểm ICT Index', from: '0,71', to: '0,69' },
    ]);
    expect(text).toBe(
      '22 tiêu chí (1.1 … 4.4): chưa đánh giá → Đạt; tiêu chí 2.7: Đạt → Không đạt; điểm ICT Index: 0,71 → 0,69',
    );
    expect(factsText([item('1.1', 'Đạt', 'Không đạt'), item('2.3', 'Đạt', 'Không đạt')])).toBe(
      'tiêu chí 1.1, 2.3: Đạt → Không đạt',
    );
  });
});
