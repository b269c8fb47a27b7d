import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable } from '../support/browser/chromium';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { openPage, PANE_TEXT, root, servedBuild } from '../support/browser/page';

const SHOTS = resolve(root, 'test-output/screens');

// The page in two languages, as a learner switches between them, in the production build.
describe.runIf(chromiumAvailable('i18n'))('the page in Spanish', () => {
  let browser: Browser;
  let server: PreviewServer;
  let url: string;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ({ server, url } = await servedBuild('i18n-test'));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('switches to Español from the header: the header, the lesson text and the live checklist change, and the choice survives a reload', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    try {
      await openPage(page, `${url}?lesson=L1`);
      const pane = page.getByRole('region', { name: 'Lesson L1' });
      await expect.poll(() => pane.locator('.lesson-head h2').textContent()).toBe('L1: Meet the monolith');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      // English needs no other locale's chunk.
      expect(scripts.filter((s) => /\/es-[\w-]+\.js$/.test(s))).toEqual([]);

      await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Español' });
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('es');
      const header = page.getByRole('banner', { name: 'Sandbox' });
      await expect.poll(() => header.getByRole('button', { name: 'Lecciones' }).count()).toBe(1);
      expect(await header.getByRole('button', { name: 'Reiniciar' }).count()).toBe(1);
      // The rest of the page too: the time controls, the tools' tabs, the event log.
      expect(await page.getByRole('button', { name: 'Reproducir', exact: true }).count()).toBe(1);
      expect(await page.getByRole('tab', { name: 'Consola' }).count()).toBe(1);
      expect(await page.getByRole('tab', { name: 'Registro de eventos' }).count()).toBe(1);
      const es = page.getByRole('region', { name: 'Lección L1' });
      await expect.poll(() => es.locator('.lesson-head h2').textContent()).toBe('L1: Conoce el monolito');
      expect(await es.getByRole('heading', { name: 'Pasos' }).count()).toBe(1);
      expect(await es.textContent()).toContain('Te presentamos el foro');
      // The live checklist: the goals in Spanish, ticked as the world changes (unfolded: on a short window it starts as its summary line).
      const toggle = es.locator('.lesson-checks-head button');
      expect(await toggle.textContent()).toMatch(/de \d+ objetivos cumplidos/);
      if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
      const list = es.getByRole('list', { name: /^Lista de comprobación/ });
      expect(await list.locator('li').first().textContent()).toContain('Enviaste una solicitud a /api/users y respondió 200');
      expect(await list.locator('li').first().textContent()).toContain('(todavía no)');
      // At 2:00 the posts handler crashes the process: jumping past it ticks that goal, in Spanish.
      const crashed = list.locator('li', { hasText: /^. Observa qué le pasa al proceso a las 2:00/ });
      expect(await crashed.textContent()).toContain('(todavía no)');
      await page.getByLabel('Ir a').fill('2m10s');
      await page.getByLabel('Ir a').press('Enter');
      await expect.poll(() => crashed.textContent()).toContain('(hecho)');

      await page.reload();
      await page.locator('html[data-ready="true"]').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('es');
      await expect.poll(() => page.getByRole('region', { name: 'Lección L1' }).locator('.lesson-head h2').textContent()).toBe('L1: Conoce el monolito');
      expect(await page.getByRole('combobox', { name: 'Idioma' }).inputValue()).toBe('es');
      expect(await page.getByRole('button', { name: 'Lecciones' }).count()).toBe(1);
    } finally {
      await context.close();
    }
  }, 90_000);

  it("says the sandbox's own words in Spanish: a console message, a not-now reason, a notice, a checklist detail, a goal's hint and a Why here? reason", async () => {
    const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await openPage(page, url);
      const command = async (line: string) => {
        await page.getByRole('tab', { name: 'Consola' }).click();
        await page.getByLabel('Comando', { exact: true }).fill(line);
        await page.getByLabel('Comando', { exact: true }).press('Enter');
      };
      // A not-now reason: the disabled Redo button says why in its description.
      expect(await page.getByRole('button', { name: 'Rehacer' }).getAttribute('title')).toBe('Rehacer: no hay nada que rehacer');
      await command('kubectl get pods');
      await expect.poll(() => page.getByRole('log', { name: 'Salida de la consola' }).textContent()).toContain('kubectl: no se encontró el comando');
      const jump = async (to: string) => {
        await page.getByLabel('Ir a').fill(to);
        await page.getByLabel('Ir a').press('Enter');
      };
      // The instances join at the start; then a task to place.
      await jump('2m');
      await command('aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=256');
      await command('aws ecs run-task --cluster demo --task-definition web --count 3 --placement-strategy type=spread,field=attribute:ecs.availability-zone');
      await jump('4m');
      await page.locator('.canvas .chip').first().click();
      await page.getByRole('tab', { name: '¿Por qué aquí?' }).click();
      await expect.poll(() => page.locator('tr.why td').first().textContent()).toMatch(/La estrategia la mantuvo|Todas las estrategias la mantuvieron/);
      expect(await page.locator('tr.candidate td').nth(2).textContent()).toMatch(/^(elegida|descartada|superada|empatada, no elegida)$/);
      // A notice: undoing says what it undid.
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Deshacer' }).click();
      await expect.poll(() => page.getByRole('status', { name: 'Mensajes' }).textContent()).toContain('Deshecho: aws ecs run-task');
      // A checklist detail under a goal: what the checker measured, in Spanish, then the goal's own how.
      await openPage(page, `${url}?lesson=L2`);
      const pane = page.getByRole('region', { name: 'Lección L2' });
      await expect.poll(() => pane.locator('.checklist .detail').first().textContent()).toMatch(/^todavía no — /);
      // L3's checklist: what to do about a goal is the lesson's Spanish, and its Run buttons type the English command.
      await openPage(page, `${url}?lesson=L3`);
      const l3 = page.getByRole('region', { name: 'Lección L3' });
      const fold = l3.locator('.lesson-checks-head button');
      if ((await fold.getAttribute('aria-expanded')) === 'false') await fold.click();
      const bothUp = l3.locator('.checklist > li').first().locator('.detail');
      await expect.poll(() => bothUp.innerText()).toMatch(/^encontrados: 0 \(hacen falta exactamente 2\) — pulsa Compose up \(o ejecuta docker compose up -d/);
      expect(await bothUp.innerText()).not.toMatch(/press|shows what runs/);
      const traffic = l3.locator('.checklist > li').nth(2).locator('.detail');
      expect(await traffic.innerText()).toMatch(/envía tráfico constante .* y deja correr el reloj; traffic stats 80\s*Ejecutar ▸\s*cuenta los últimos 30 s/);
      await bothUp.getByRole('button', { name: 'Ejecutar en la consola: docker compose up -d' }).click();
      await expect.poll(() => page.getByLabel('Comando', { exact: true }).inputValue()).toBe('docker compose up -d');
    } finally {
      await context.close();
    }
  }, 90_000);

  it("draws the first view's canvas, the local host's process and presenter view in Spanish, and the audience window shows the demo's Spanish texts", async () => {
    const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    try {
      await openPage(page, url);
      const canvas = page.locator('.react-flow').first();
      await expect.poll(() => canvas.textContent()).toContain('0 peticiones tuyas');
      const first = (await canvas.innerText()).replace(/\s+/g, ' ');
      expect(first).toContain('Esperando un sitio');
      expect(first).toContain('Todavía no se ha unido ninguna instancia de contenedor a demo.');
      expect(first).not.toMatch(/requests from you|Waiting for a home|Tasks wait here|\binstances\b/);
      // The sandbox's own words for a bare process that exited (L1 at 2:10, after the posts handler crashed it).
      await openPage(page, `${url}?lesson=L1`);
      await page.getByLabel('Ir a').fill('2m10s');
      await page.getByLabel('Ir a').press('Enter');
      await expect.poll(() => page.locator('.local .proc').first().innerText()).toBe('proceso forum :3000 · terminado (1)');

      await openPage(page, `${url}?demo=placement-side-by-side&present`);
      const panes = page.getByRole('region', { name: 'Mundos lado a lado' });
      await expect.poll(() => page.locator('table.compare tbody th').allTextContents()).toEqual(['Binpack por memoria', 'Spread por AZ, luego por instancia', 'Random']);
      await expect.poll(() => panes.innerText()).toMatch(/us-east-1a\s+2 instancias/);
      // Each instance's meters are named in Spanish too: 3 worlds of 4 instances.
      await expect.poll(() => panes.getByRole('meter', { name: 'CPU reservada' }).count()).toBe(12);
      // At 1280×720 the panes' longer Spanish headings are whole, and their text 11 px or more on screen.
      await page.setViewportSize({ width: 1280, height: 720 });
      await expect.poll(() => page.evaluate(PANE_TEXT)).toEqual({ small: [], cut: [] });
      const [audience] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Abrir la ventana del público' }).click()]);
      await audience.locator('html[data-ready="true"]').waitFor();
      const bar = audience.getByRole('banner', { name: 'Vista del público' });
      await expect.poll(() => bar.locator('h1').textContent(), { timeout: 15_000 }).toMatch(/^Estrategias de ubicación lado a lado/);
      await expect.poll(() => audience.locator('table.compare tbody th').allTextContents()).toEqual(['Binpack por memoria', 'Spread por AZ, luego por instancia', 'Random']);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('says the notices that were still English in Spanish, with the button inside one, titles a presented lesson for the audience in Spanish, and shows the Class page and its CSV in Spanish', async () => {
    const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 720 } });
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('ecs-sandbox.workspace', '{"version": 2, "scenarioText": 42');
        sessionStorage.setItem('seeded', '1');
      }
    });
    const page = await context.newPage();
    try {
      // A damaged saved workspace: what loading found, and the copy kept aside, with its button.
      await openPage(page, url);
      const notices = page.getByRole('status', { name: 'Mensajes' });
      await expect.poll(() => notices.textContent()).toContain('No se pudo leer el espacio de trabajo guardado (no es JSON válido');
      expect(await notices.textContent()).toContain('La copia dañada del espacio de trabajo guardado se conserva en este navegador');
      expect(await notices.textContent()).not.toMatch(/could not be read|is kept in this browser/);
      await page.screenshot({ path: resolve(SHOTS, 'i18n-notices-es-1280x720.png') });
      await notices.getByRole('button', { name: 'Copias dañadas' }).click();
      await expect.poll(() => page.getByRole('dialog', { name: 'Copias dañadas del espacio de trabajo guardado' }).isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      // A share link that cannot be opened says why in Spanish.
      await page.goto('about:blank');
      await openPage(page, `${url}#share=%%%`);
      await expect.poll(() => page.getByRole('status', { name: 'Mensajes' }).textContent()).toContain('Este enlace no se puede abrir: el enlace contiene caracteres que un enlace compartido nunca tiene. Tu espacio de trabajo no cambia.');

      // Presenting a lesson: the audience's window titles it in Spanish.
      await openPage(page, `${url}?lesson=L1&present`);
      const [audience] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Abrir la ventana del público' }).click()]);
      await audience.locator('html[data-ready="true"]').waitFor();
      await expect.poll(() => audience.getByRole('banner', { name: 'Vista del público' }).locator('h1').textContent(), { timeout: 15_000 }).toBe('L1: Conoce el monolito');
      await audience.close();

      // The Class page: the note, the table's yes and "of", and the CSV's headings in Spanish.
      await openPage(page, `${url}?class`);
      // The Class page's code arrives after the page is ready: wait for its heading.
      await expect.poll(() => page.getByRole('heading', { name: 'Progreso de la clase' }).count()).toBe(1);
      await page.locator('input[type=file]').setInputFiles([
        {
          name: 'ana.json',
          mimeType: 'application/json',
          buffer: Buffer.from(
            JSON.stringify({
              version: 1,
              lessons: {
                L1: { passed: true, checkedAt: 95_000, predictionsRight: 1, predictionsAsked: 2, rightPredictions: ['where-forum'], askedPredictions: ['where-forum', 'crash'], activeMs: 754_400, checks: 3 },
                L2: { passed: false, checkedAt: 0 },
              },
            }),
          ),
        },
      ]);
      const cells = () => page.locator('.class-table tbody tr').evaluateAll((r) => r.map((x) => [...x.children].map((c) => c.textContent).join('|')));
      await expect.poll(cells).toEqual(['ana|L1|sí|12 minutos y 34 segundos|3|0:01:35||1 de 2|where-forum (falló: crash)', 'ana|L2|no|—|—|0:00:00|||']);
      expect(await page.locator('.class-export').textContent()).toContain('El CSV está en el idioma de la página (Español)');
      await page.screenshot({ path: resolve(SHOTS, 'i18n-class-es-1280x720.png') });
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportar como CSV' }).click()]);
      const csv = Buffer.concat(await (await download.createReadStream()).toArray())
        .toString()
        .split('\r\n');
      expect(csv[0]).toBe(
        'Estudiante,Lección,Aprobada,Tiempo en la lección (s),Tiempo en la lección,Comprobaciones,Tiempo simulado en la última comprobación,Trampas en las que cayó,Predicciones acertadas,Qué predicciones acertó,Empezada,Aprobada por primera vez',
      );
      expect(csv[1]).toBe('ana,L1,sí,754,12 minutos y 34 segundos,3,0:01:35,,1 de 2,where-forum (falló: crash),,');
      // The picker in the Class page's header: in English the same export is in English.
      await page.getByRole('combobox', { name: 'Idioma' }).selectOption({ label: 'English' });
      await expect.poll(cells).toEqual(['ana|L1|yes|12 minutes, 34 seconds|3|0:01:35||1 of 2|where-forum (missed: crash)', 'ana|L2|no|—|—|0:00:00|||']);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('shows no sentence in Spanish that it shows in English, view by view: the first view, lessons L1 and L6, Why here? and the history, the Keys dialog, the palette, presenter view, the Demos tool and the Class page', async () => {
    const jump = async (page: Page, to: string) => {
      await page.getByLabel(/^(Jump to|Ir a)$/).fill(to);
      await page.getByLabel(/^(Jump to|Ir a)$/).press('Enter');
    };
    const command = async (page: Page, line: string) => {
      const box = page.getByLabel(/^(Command|Comando)$/).first();
      await box.fill(line);
      await box.press('Enter');
    };
    const tab = (page: Page, name: RegExp) => page.getByRole('tab', { name }).first().click();
    const views: Record<string, (page: Page) => Promise<void>> = {
      'the first view': (page) => openPage(page, url),
      'lesson L1 with its commands': async (page) => {
        await openPage(page, `${url}?lesson=L1`);
        for (const line of ['curl localhost:3000/api/users', 'help', 'sleep 1m']) await command(page, line);
        await jump(page, '2m10s');
      },
      'lesson L6': async (page) => {
        await openPage(page, `${url}?lesson=L6`);
        await jump(page, '3m');
      },
      'Why here? and the history of a task': async (page) => {
        await openPage(page, url);
        await jump(page, '2m');
        await command(page, 'aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=256');
        await command(page, 'aws ecs run-task --cluster demo --task-definition web --count 3');
        await jump(page, '4m');
        await page.locator('.canvas .chip').first().click();
        await tab(page, /^(Why here\?|¿Por qué aquí\?)$/);
        await page.locator('table.placement').waitFor();
        await tab(page, /^(History|Historial)$/);
      },
      'the Keys dialog': async (page) => {
        await openPage(page, url);
        await page
          .getByRole('banner')
          .getByRole('button', { name: /^(Keys|Teclas)$/ })
          .click();
        await page.locator('dialog[open]').waitFor();
      },
      'the command palette': async (page) => {
        await openPage(page, url);
        await page.keyboard.press('Control+k');
        await page.locator('dialog[open]').waitFor();
      },
      'presenter view of a demo': async (page) => {
        await openPage(page, `${url}?demo=game-day&t=2m&present`);
      },
      'the Demos tool': async (page) => {
        await openPage(page, url);
        await tab(page, /^Demos$/);
      },
      'the Class page': (page) => openPage(page, `${url}?class`),
    };
    // What a learner reads: visible text and the names and titles of what is on the page, less what is not the
    // sandbox's to say (the editor's text, the console's transcript of commands and tools, ECS's service events).
    const read = (page: Page) =>
      page.evaluate(() => {
        const theirs = '.monaco-editor, pre, code, kbd, samp, [role=log][aria-label="Console output"], [role=log][aria-label="Salida de la consola"], .ev-ServiceEvent, select, option';
        const out = new Set<string>();
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          const el = n.parentElement;
          const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
          if (text && el && !el.closest(theirs) && el.checkVisibility()) out.add(text);
        }
        for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
          if (el.closest(theirs) || !(el as HTMLElement).checkVisibility()) continue;
          for (const a of ['aria-label', 'title', 'placeholder']) if (el.getAttribute(a)) out.add(el.getAttribute(a)!.trim());
        }
        return [...out];
      });
    // A sentence in English: a few words, one of them a word English sentences are made of.
    const english = (text: string) => /\b(the|a|an|is|are|was|of|to|in|on|for|with|and|from|by|not|no|your|you|it|this|that)\b/i.test(text) && /[a-z]{2,} [a-z]{2,}/i.test(text);
    const found: string[] = [];
    for (const [view, go] of Object.entries(views)) {
      const seen: Record<string, string[]> = {};
      for (const locale of ['en-US', 'es-ES']) {
        const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        try {
          await go(page);
          seen[locale] = await read(page);
        } finally {
          await context.close();
        }
      }
      const inEnglish = new Set(seen['en-US']);
      for (const text of seen['es-ES']!) if (inEnglish.has(text) && english(text)) found.push(`${view}: ${text}`);
    }
    expect(found).toEqual([]);
  }, 240_000);

  it("says the sandbox's diagnostics in Spanish under the editor: a task definition that is not JSON, a Compose file with an unknown member", async () => {
    const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    // Pasted, as a learner brings a file in (typing would close brackets).
    const paste = async (text: string) => {
      const editor = page.locator('.monaco-editor').first();
      await editor.waitFor({ timeout: 20_000 });
      await editor.click();
      await page.keyboard.press('Control+A');
      await page.evaluate((t) => navigator.clipboard.writeText(t), text);
      await page.keyboard.press('Control+V');
    };
    try {
      await openPage(page, url);
      await page.getByRole('tab', { name: 'Editor' }).click();
      await paste('{\n  "family": "web",\n  oops\n}');
      await page.getByRole('button', { name: 'Registrar la definición de tarea' }).click();
      const taskdef = page.getByRole('list', { name: 'Problemas en taskdef.json' });
      await expect.poll(() => taskdef.textContent()).toMatch(/^taskdef\.json:3:3: JSON no válido: /);
      await expect.poll(() => page.locator('.monaco-editor .squiggly-error').count()).toBeGreaterThan(0);
      await page.getByRole('tab', { name: /^Archivo de Compose/ }).click();
      await paste('servicioz: {}\nservices:\n  web:\n    image: nginx\n');
      const compose = page.getByRole('list', { name: 'Problemas en compose.yaml' });
      await expect.poll(() => compose.textContent(), { timeout: 15_000 }).toBe("compose.yaml:1:1: servicioz: miembro de primer nivel desconocido 'servicioz'");
      await page.screenshot({ path: resolve(SHOTS, 'i18n-editor-problems-es.png') });
    } finally {
      await context.close();
    }
  }, 90_000);

  it('opens in Spanish for a browser that prefers it, and in English for one whose language it does not speak', async () => {
    for (const [locale, lessons] of [
      ['es-MX', 'Lecciones'],
      ['fr-FR', 'Lessons'],
    ] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      try {
        await openPage(page, url);
        expect(await page.getByRole('button', { name: lessons, exact: true }).count(), locale).toBe(1);
        expect(await page.locator('html').getAttribute('lang'), locale).toBe(locale.slice(0, 2) === 'es' ? 'es' : 'en');
      } finally {
        await context.close();
      }
    }
  }, 60_000);
});
