import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * docker-compose.yml, docker/ and .env.example, checked without a Docker
 * engine: `docker compose config` (or Debian's `docker-compose config`)
 * validates and resolves the file with the variables of .env.example; the
 * resolved services, the Dockerfile and the entry point's configuration are
 * then held to what production needs. .ci/run installs docker-compose when
 * neither command is there; elsewhere the compose checks are skipped with one line.
 */
const ROOT = join(__dirname, '../..');

function findCompose(): string[] | null {
  for (const command of [['docker', 'compose'], ['docker-compose']]) {
    const probe = spawnSync(command[0], [...command.slice(1), 'version'], { encoding: 'utf8' });
    if (probe.status === 0) return command;
  }
  return null;
}

const compose = findCompose();
if (!compose)
  console.log(
    'compose checks skipped: neither `docker compose` nor `docker-compose` is installed (.ci/run installs docker-compose)',
  );
const withCompose = compose ? it : it.skip;

/** `config` on a compose file in `dir` with these variables only (not this shell's). */
function composeConfig(dir: string, envFile: string): { status: number | null; stdout: string; stderr: string } {
  const [command, ...prefix] = compose!;
  const result = spawnSync(
    command,
    [...prefix, '--project-directory', dir, '-f', join(dir, 'docker-compose.yml'), '--env-file', envFile, 'config'],
    {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Service {
  image?: string;
  build?: { dockerfile?: string };
  healthcheck?: { test?: string[] | string; disable?: boolean };
  depends_on?: Record<string, { condition?: string }>;
  environment?: Record<string, string>;
  ports?: unknown[];
  volumes?: unknown[];
  user?: string;
}

describe('docker-compose.yml', () => {
  let services: Record<string, Service>;

  beforeAll(() => {
    if (!compose) return;
    const result = composeConfig(ROOT, join(ROOT, '.env.example'));
    if (result.status !== 0) throw new Error(`compose config failed:\n${result.stderr}`);
    services = (parse(result.stdout) as { services: Record<string, Service> }).services;
  });

  withCompose(
    'is valid with .env.example, and runs PostgreSQL, Redis, Meilisearch, two API processes and one entry point',
    () => {
      expect(Object.keys(services).sort()).toEqual(['api-1', 'api-2', 'entry', 'meilisearch', 'postgres', 'redis']);
    },
  );

  withCompose('every service has a health check, and nothing starts before what it needs is healthy', () => {
    for (const [name, service] of Object.entries(services)) {
      expect([name, Boolean(service.healthcheck?.test) && !service.healthcheck?.disable]).toEqual([name, true]);
      for (const [needed, how] of Object.entries(service.depends_on ?? {}))
        expect([name, needed, how.condition]).toEqual([name, needed, 'service_healthy']);
    }
    expect(Object.keys(services['api-1'].depends_on ?? {}).sort()).toEqual(['meilisearch', 'postgres', 'redis']);
    expect(Object.keys(services.entry.depends_on ?? {}).sort()).toEqual(['api-1', 'api-2']);
  });

  withCompose(
    'the API processes get the shared database, Redis, Meilisearch and proxy settings, and only the entry point is published',
    () => {
      for (const name of ['api-1', 'api-2']) {
        const env = services[name].environment ?? {};
        expect(env.DATABASE_URL).toMatch(/^postgres:\/\/spiraal:[^@]+@postgres:5432\/spiraal$/);
        expect(env.REDIS_URL).toMatch(/^redis:\/\/:[^@]+@redis:6379$/);
        expect(env.MEILI_URL).toBe('http://meilisearch:7700');
        expect(env.MEILI_API_KEY).toBeTruthy();
        expect(env.TRUST_PROXY).toBe('1');
        expect(env.METRICS_PUBLIC).toBe('false');
        expect(services[name].build?.dockerfile).toBe('docker/api.Dockerfile');
        expect(services[name].ports ?? []).toEqual([]);
      }
      for (const name of ['postgres', 'redis', 'meilisearch'])
        expect([name, services[name].ports ?? []]).toEqual([name, []]);
      expect(services.entry.ports).toHaveLength(1);
      expect(JSON.stringify(services.postgres.volumes)).toContain('/var/lib/postgresql/data');
      expect(JSON.stringify(services.meilisearch.volumes)).toContain('/meili_data');
    },
  );

  withCompose('refuses a file with a mistake, and a start without the secrets (so the checks above can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spiraal-compose-'));
    try {
      copyFileSync(join(ROOT, '.env.example'), join(dir, '.env.example'));
      const file = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
      writeFileSync(
        join(dir, 'docker-compose.yml'),
        file.replace('condition: service_healthy', 'condition: service_happy'),
      );
      expect(composeConfig(dir, join(dir, '.env.example')).status).not.toBe(0);
      writeFileSync(join(dir, 'docker-compose.yml'), file.replace('  redis:\n', '  redis:\n    imagee: typo\n'));
      expect(composeConfig(dir, join(dir, '.env.example')).status).not.toBe(0);

      writeFileSync(join(dir, 'docker-compose.yml'), file);
      writeFileSync(join(dir, 'empty.env'), '');
      const withoutSecrets = composeConfig(dir, join(dir, 'empty.env'));
      expect(withoutSecrets.status).not.toBe(0);
      expect(withoutSecrets.stderr).toMatch(/POSTGRES_PASSWORD|REDIS_PASSWORD|MEILI_MASTER_KEY/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('docker/ and the files around it', () => {
  const dockerfile = readFileSync(join(ROOT, 'docker/api.Dockerfile'), 'utf8');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));

  it('the API image is built in stages and runs as an unprivileged user, with a health check on /health', () => {
    const stages = instructions.filter((line) => /^FROM\s/i.test(line));
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(instructions.some((line) => /^RUN npm ci( |$)/.test(line))).toBe(true);
    expect(instructions.some((line) => /^RUN npx nx run-many -t build/.test(line))).toBe(true);
    expect(instructions.some((line) => /^RUN npm ci --omit=dev/.test(line))).toBe(true);

    const last = instructions.slice(instructions.lastIndexOf(stages[stages.length - 1]));
    const users = last.filter((line) => /^USER\s/i.test(line)).map((line) => line.split(/\s+/)[1]);
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0', '0:0', 'root:root']).not.toContain(users[users.length - 1]);
    // The runtime stage takes only the assembled tree: no sources, no dev dependencies.
    expect(last.filter((line) => /^(COPY|ADD)\s/i.test(line))).toEqual(['COPY --from=app /app /app']);
    expect(last.find((line) => /^HEALTHCHECK\s/i.test(line))).toMatch(/\/health/);
  });

  it('the API image runs on the current Node LTS (24), while package.json still allows Node 20.19+', () => {
    expect(instructions.find((line) => /^ARG NODE_IMAGE=/.test(line))).toMatch(/^ARG NODE_IMAGE=node:24[-.]/);
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node).toBe('>=20.19');
  });

  it('the entry point keeps /metrics inside, logs no query strings (tickets) and passes WebSocket upgrades on /collab/ with long timeouts', () => {
    const nginx = readFileSync(join(ROOT, 'docker/nginx.conf'), 'utf8');
    const logFormat = /log_format spiraal ([^;]*);/.exec(nginx)?.[1] ?? '';
    expect(logFormat).toContain('$uri');
    expect(logFormat).not.toMatch(/\$(request|request_uri|args|query_string|arg_\w+)\b/);
    expect(nginx).toMatch(/access_log \S+ spiraal;/);
    expect(nginx).toMatch(/location ~\* \^\/metrics\(\/\|\$\) \{\s*return 404;/);
    const collab = /location \/collab\/ \{([^}]*)\}/.exec(nginx)?.[1] ?? '';
    expect(collab).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(collab).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(collab).toMatch(/proxy_read_timeout 1h;/);
    for (const block of [collab, /location \/ \{([^}]*)\}/.exec(nginx)?.[1] ?? '']) {
      expect(block).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
      expect(block).toMatch(/proxy_set_header X-Forwarded-Proto \$forwarded_proto;/);
    }
  });

  it('secrets come from a .env that git ignores; .env.example names every one compose requires, and the image leaves them out', () => {
    const required = new Set(
      [...readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8').matchAll(/\$\{([A-Z0-9_]+):\?/g)].map((m) => m[1]),
    );
    const example = new Set(
      [...readFileSync(join(ROOT, '.env.example'), 'utf8').matchAll(/^([A-Z0-9_]+)=/gm)].map((m) => m[1]),
    );
    expect(required.size).toBeGreaterThan(0);
    expect([...required].filter((name) => !example.has(name))).toEqual([]);
    expect(execFileSync('git', ['check-ignore', '.env'], { cwd: ROOT, encoding: 'utf8' }).trim()).toBe('.env');
    const dockerignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['.env', '**/node_modules', '**/dist', 'data']) expect(dockerignore).toContain(entry);
  });
});
