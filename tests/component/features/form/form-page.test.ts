// @vitest-environment happy-dom
import { describe, it, expect, beforeEach, afterEach, vi } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/svelte';
import { tick } from 'svelte';
import Harness from './Harness.svelte';
import type { AppState } from '../../../../src/shell/app.svelte.ts';

const KEY = 'zk-precheck:form';

async function fillEntry(i: number, start: string, end: string, place: string, role: string) {
  const entries = screen.getAllByTestId('form-entry');
  const e = entries[i];
  const set = (sel: string, v: string) => fireEvent.input(e.querySelector(`[data-testid=${sel}]`)!, { target: { value: v } });
  await set('form-start', start);
  await set('form-end', end);
  await set('form-place', place);
  await set('form-role', role);
}

describe('FormPage', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-15T09:00:00'));
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('an empty résumé greets with a neutral prompt (no ✗, no problem count); findings start with the first entry', async () => {
    render(Harness, {});
    await tick();
    expect(screen.getByTestId('form-resume-prompt').textContent).toContain('还没有填写任何经历');
    expect(screen.queryAllByTestId('form-finding')).toHaveLength(0);
    expect(document.body.textContent).not.toContain('✗');
    expect(document.body.textContent).not.toMatch(/发现 \d+ 个问题/);
    // One field typed: the check answers (this entry has no end yet).
    const e = screen.getAllByTestId('form-entry')[0];
    await fireEvent.input(e.querySelector('[data-testid=form-start]')!, { target: { value: '2019.09' } });
    await tick();
    expect(screen.queryByTestId('form-resume-prompt')).toBeNull();
    expect(screen.getAllByTestId('form-finding').length).toBeGreaterThan(0);
  });

  it('finds a gap, applies the 待业 fix, shows the paper-form text; dirty flag follows the input', async () => {
    let app!: AppState;
    render(Harness, { onapp: (a: AppState) => (app = a) });
    expect(screen.getByRole('heading', { name: '毕业生登记表填写助手' })).toBeTruthy();
    await fillEntry(0, '2019.09', '2022.06', '安徽某某职业技术学院', '学生');
    await fireEvent.click(screen.getByTestId('form-add'));
    await fillEntry(1, '2023.01', '至今', '合肥某某公司', '职员');
    await tick();
    expect(app.hasUnsavedInput).toBe(true);
    const f = screen.getAllByTestId('form-finding');
    expect(f.map((x) => x.dataset.code)).toEqual(['gap']);
    expect(f[0].textContent).toContain('断档 6 个月（2022.07—2022.12）');
    expect(f[0].textContent).toContain('R-RESUME-CONTINUOUS（手册 三.2）');
    await fireEvent.click(screen.getAllByTestId('form-fix')[0]);
    await tick();
    expect(screen.queryAllByTestId('form-finding')).toHaveLength(0);
    expect(screen.getByTestId('form-resume-ok').textContent).toContain('3 条');
    expect(screen.getByTestId('form-preview').textContent).toBe(
      '2019.09—2022.06  安徽某某职业技术学院  学生\n2022.07—2022.12  待业\n2023.01—至今  合肥某某公司  职员',
    );
    // Session copy only (not ticked): nothing in localStorage.
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(sessionStorage.getItem('zk-precheck:form-session')).toContain('待业');
  });

  it('self-assessment: underlines problems and fixes them one by one and all at once', async () => {
    render(Harness);
    const ta = screen.getByTestId('form-self-text') as HTMLTextAreaElement;
    await fireEvent.input(ta, { target: { value: '我再接再励,提高自已.' } });
    await tick();
    expect(screen.getAllByTestId('form-self-issue').map((x) => x.dataset.kind)).toEqual(['wrong-word', 'halfwidth-punct', 'wrong-word', 'halfwidth-punct']);
    expect(screen.getByTestId('form-self-marked').querySelectorAll('mark')).toHaveLength(4);
    await fireEvent.click(screen.getByRole('button', { name: '修改第 1 处：把「再接再励」改为「再接再厉」' }));
    await tick();
    expect(ta.value).toBe('我再接再厉,提高自已.');
    await fireEvent.click(screen.getByTestId('form-self-fixall'));
    await tick();
    expect(ta.value).toBe('我再接再厉，提高自己。');
    expect(screen.getByTestId('form-self-ok')).toBeTruthy();
  });

  it('"在本机保存" stores and restores; wipe clears both copies', async () => {
    let app!: AppState;
    render(Harness, { onapp: (a: AppState) => (app = a) });
    await fillEntry(0, '2019.09', '至今', '', '待业');
    await fireEvent.click(screen.getByTestId('form-save'));
    await tick();
    expect(JSON.parse(localStorage.getItem(KEY)!).entries[0].role).toBe('待业');
    expect(app.hasUnsavedInput).toBe(false);
    cleanup();
    render(Harness);
    expect((screen.getByTestId('form-role') as HTMLInputElement).value).toBe('待业');
    expect((screen.getByTestId('form-save') as HTMLInputElement).checked).toBe(true);
    cleanup();
    render(Harness, { onapp: (a: AppState) => (app = a) });
    app.wipeAll();
    await tick();
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(sessionStorage.getItem('zk-precheck:form-session')).toBeNull();
    expect((screen.getByTestId('form-role') as HTMLInputElement).value).toBe('');
  });

  it('kiosk mode never saves anything', async () => {
    render(Harness, { search: '?kiosk=1' });
    expect(screen.queryByTestId('form-save')).toBeNull();
    expect(screen.getByTestId('form-kiosk')).toBeTruthy();
    await fillEntry(0, '2019.09', '至今', '', '待业');
    await fireEvent.input(screen.getByTestId('form-self-text'), { target: { value: '我热爱学习。' } });
    await tick();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });

  it('一键整理: the preview follows, undo goes back, and any later edit withdraws the undo', async () => {
    render(Harness, { onapp: () => {} });
    await fillEntry(0, '2019.9', '2022.06', '合肥某某公司', '职员');
    await fireEvent.click(screen.getByTestId('form-add'));
    await fillEntry(1, '2015.09', '2018.06', '某学院', '学生');
    await tick();
    const before = '2019.09—2022.06  合肥某某公司  职员\n2015.09—2018.06  某学院  学生';
    expect(screen.getByTestId('form-preview').textContent).toBe(before);
    await fireEvent.click(screen.getByTestId('form-tidy-run'));
    await tick();
    const after = '2015.09—2018.06  某学院  学生\n2018.07—2019.08  待业\n2019.09—2022.06  合肥某某公司  职员\n2022.07—至今  待业';
    expect(screen.getByTestId('form-preview').textContent).toBe(after);
    expect(screen.getByTestId('form-tidy-before').textContent).toBe(before);
    expect(screen.getByTestId('form-tidy-after').textContent).toBe(after);
    expect((screen.getByTestId('form-tidy-run') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByTestId('form-tidy-undo'));
    await tick();
    expect(screen.getByTestId('form-preview').textContent).toBe(before);
    expect(screen.queryByTestId('form-tidy')).toBeNull();
    // Tidy again, then edit: undo would lose the edit, so it is withdrawn.
    await fireEvent.click(screen.getByTestId('form-tidy-run'));
    await tick();
    expect(screen.getByTestId('form-tidy')).toBeTruthy();
    await fillEntry(0, '2015.09', '2018.07', '某学院', '学生');
    await tick();
    expect(screen.queryByTestId('form-tidy')).toBeNull();
    expect(screen.getByTestId('form-preview').textContent).toContain('2015.09—2018.07  某学院  学生');
  });
});
