// @vitest-environment happy-dom
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/svelte';
import { tick } from 'svelte';
import Harness from './Harness.svelte';
import type { AppState } from '../../../../src/shell/app.svelte.ts';

const KEY = 'zk-precheck:eligibility';

async function choose(group: string, label: string) {
  const fs = screen.getByTestId(`q-${group}`);
  const input = [...fs.querySelectorAll('input[type=radio]')].find((i) => i.parentElement?.textContent?.trim() === label) as HTMLInputElement;
  if (!input) throw new Error(`no option ${label} in ${group}`);
  await fireEvent.change(input, { target: { checked: true } });
}
const next = () => fireEvent.click(screen.getByRole('button', { name: '下一步' }));

describe('EligibilityPage', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-09-10T09:00:00'));
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('preselects the session from today and walks a 专科 candidate to 可以申请', async () => {
    render(Harness);
    const half = screen.getByTestId('q-session').querySelectorAll('select')[1] as HTMLSelectElement;
    expect(half.value).toBe('H2');
    await choose('level', '专科');
    await next();
    for (const [g, l] of [['courses', '是'], ['english', '我的专业没有这门课'], ['math', '我的专业没有这门课'], ['employed', '否'], ['moral', '合格'], ['transfer', '否'], ['tickets', '只有一个准考证号'], ['duplicate', '否']]) await choose(g, l);
    await next();
    await choose('identityOk', '是');
    await choose('photo', '已上传，显示“审核通过”');
    await next();
    await tick();
    const status = screen.getByTestId('elig-status');
    expect(status.dataset.status).toBe('ok');
    expect(status.textContent).toContain('可以申请');
    expect(screen.getAllByTestId('elig-todo').map((li) => li.dataset.rule)).toEqual(['E-REMARK']);
  });

  it('an unanswered wizard never says 可以申请', async () => {
    render(Harness);
    for (let i = 0; i < 3; i++) await next();
    const status = screen.getByTestId('elig-status');
    expect(status.dataset.status).toBe('todo');
    for (const li of screen.getAllByTestId('elig-todo')) expect(li.dataset.rule).toMatch(/^(E-[A-Z-]+|R-MORAL)$/);
  });

  it('saves only after 在本机保存 is ticked, deletes on untick, and the wipe clears everything', async () => {
    let app!: AppState;
    render(Harness, { props: { onapp: (a: AppState) => (app = a) } });
    await choose('level', '本科');
    await tick();
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(app.hasUnsavedInput).toBe(true);
    const box = screen.getByTestId('elig-save') as HTMLInputElement;
    await fireEvent.click(box);
    await tick();
    expect(JSON.parse(localStorage.getItem(KEY)!).answers.level).toBe('benke');
    await fireEvent.click(box);
    await tick();
    expect(localStorage.getItem(KEY)).toBeNull();
    await fireEvent.click(box);
    await tick();
    app.wipeAll();
    await tick();
    expect(localStorage.getItem(KEY)).toBeNull();
    expect((screen.getByTestId('elig-save') as HTMLInputElement).checked).toBe(false);
    const benke = [...screen.getByTestId('q-level').querySelectorAll('input')].find((i) => i.value === 'benke') as HTMLInputElement;
    expect(benke.checked).toBe(false);
  });

  it('kiosk mode shows no save option and writes nothing', async () => {
    render(Harness, { props: { search: '?kiosk=1' } });
    expect(screen.queryByTestId('elig-save')).toBeNull();
    expect(screen.getByTestId('elig-kiosk-nosave').textContent).toContain('不保存');
    await choose('level', '本科');
    await tick();
    expect(localStorage.getItem(KEY)).toBeNull();
  });
});
