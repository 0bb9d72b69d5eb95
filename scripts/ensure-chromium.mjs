// Makes sure a Chromium is there for the demo and the end-to-end tests. On a fresh Debian machine
// where we are root, installs Debian's chromium package (Playwright's own browser downloads are not
// used: they are unreachable here and not needed). Elsewhere, says what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const found = () => CANDIDATES.find((p) => p && existsSync(p));
const root = process.getuid?.() === 0;
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

// Creators write emoji next to their codes; without a colour emoji font the demo's mail and the
// screenshots show boxes. Checked on its own, since Chromium may already be there without it.
const EMOJI_FONT = '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf';
if (!existsSync(EMOJI_FONT) && root && existsSync('/usr/bin/apt-get')) {
  console.log('The colour emoji font is missing: installing fonts-noto-color-emoji (apt-get, one time)…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'fonts-noto-color-emoji'], { stdio: 'inherit', env });
} else if (!existsSync(EMOJI_FONT)) {
  console.warn('No colour emoji font found (Debian/Ubuntu: sudo apt-get install -y fonts-noto-color-emoji); emoji will show as boxes.');
}

if (!found()) {
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium is missing: installing Debian\'s chromium package (apt-get, one time)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation', 'fonts-noto-color-emoji'], { stdio: 'inherit', env });
  }
  if (!found()) {
    console.error('No Chromium found. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.');
    process.exit(1);
  }
}
