// `npm run pin`: records the event and state hashes of every scenario, lesson run and demo in
// test/fixtures/pins.json. Run it only for a change of behaviour, and say in the commit which and why.
import { writeFileSync } from 'node:fs';
import { computePins, PINS_FILE } from './pins';

const pins = computePins();
writeFileSync(PINS_FILE, `${JSON.stringify(pins, null, 1)}\n`);
console.log(`${Object.keys(pins).length} runs pinned in ${PINS_FILE}`);
