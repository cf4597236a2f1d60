// The suite needs Debian's chromium (browser tests), redis-server (store tests), nginx (topology tests) and ffmpeg
// (the livestream and recordings, issue 13): install them
// when running as root, or say exactly what is missing.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const NEEDED = [
  { what: 'chromium', check: '/usr/bin/chromium', packages: ['chromium', 'fonts-noto-core', 'fonts-dejavu-core'] },
  { what: 'redis-server', check: '/usr/bin/redis-server', packages: ['redis-server'] },
  // The topology suite runs the shipped deploy/nginx.conf in front of three hub processes.
  { what: 'nginx', check: '/usr/sbin/nginx', packages: ['nginx-light'] },
  // The hub sends the floor as plain RTP to one ffmpeg per conference, which writes the HLS stream and the recordings.
  { what: 'ffmpeg', check: '/usr/bin/ffmpeg', packages: ['ffmpeg'] },
];

export function ensureSystemDeps() {
  const missing = NEEDED.filter((n) => !existsSync(n.check));
  if (missing.length === 0) return;
  const packages = missing.flatMap((m) => m.packages);
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing system packages: ${missing.map((m) => m.what).join(', ')}. Install them with: sudo apt-get install -y ${packages.join(' ')}`);
  }
  console.log(`Installing ${packages.join(' ')} (apt-get)…`);
  // Another apt-get (an unattended upgrade, a second checkout's set-up) may hold dpkg's lock: wait for it.
  const wait = '-o DPkg::Lock::Timeout=600';
  execSync(`apt-get ${wait} update -qq`, { stdio: 'inherit' });
  execSync(`DEBIAN_FRONTEND=noninteractive apt-get ${wait} install -y -qq ${packages.join(' ')}`, { stdio: 'inherit' });
}
