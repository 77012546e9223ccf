import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { AuthService } from '../auth/auth.service';
import { CommunitiesService } from '../communities/communities.service';
import { CommunityEntity } from '../database/entities/community.entity';
import { ConfigError, loadConfig } from '../config/config';
import { runMigrations } from '../database/data-source';
import { EmbeddedPostgresError } from '../database/embedded-postgres';
import { GuidelinesService } from '../guidelines/guidelines.service';
import { ItemsService } from '../items/items.service';
import { UserEntity } from '../database/entities/user.entity';
import { DEMO_COMMUNITY, DEMO_ITEMS, DEMO_PASSWORD, DEMO_PEOPLE } from './demo-content';
import { CliRefusal, runningDatabase } from './running-database';

/**
 * `npm run seed:demo`: a demo leernetwerk with a facilitator, members, a reader
 * and an item of every kind, created through the same services as the API.
 * Runs once; a second run says the demo exists. It fills the database of the
 * Spiraal that runs with the same settings as `npm start`, or refuses
 * (./running-database.ts).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const target = await runningDatabase(config);
  try {
    await runMigrations(target.url);
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, target.url), {
      logger: ['error', 'warn'],
    });
    try {
      await seed(
        app.get(DataSource),
        app.get(AuthService),
        app.get(CommunitiesService),
        app.get(ItemsService),
        app.get(GuidelinesService),
      );
    } finally {
      await app.close();
    }
    console.log(`Open ${target.address} (the Spiraal started with these settings).`);
  } finally {
    await target.release();
  }
}

async function seed(
  db: DataSource,
  auth: AuthService,
  communities: CommunitiesService,
  items: ItemsService,
  guidelines: GuidelinesService,
): Promise<void> {
  const existing = await db.getRepository(CommunityEntity).findOneBy({ name: DEMO_COMMUNITY.name });
  if (existing) {
    console.log(`The demo leernetwerk exists already (${existing.id}).`);
    printLogins();
    return;
  }
  const users = new Map<string, { id: string; email: string; displayName: string }>();
  for (const person of DEMO_PEOPLE) {
    const found = await db.getRepository(UserEntity).findOneBy({ email: person.email });
    users.set(
      person.email,
      found ??
        (
          await auth.register(
            { email: person.email, password: DEMO_PASSWORD, displayName: person.displayName },
            'seed-demo',
          )
        ).user,
    );
  }
  const [facilitator, ...others] = DEMO_PEOPLE;
  const community = await communities.create(users.get(facilitator.email)!, {
    ...DEMO_COMMUNITY,
    perspective: facilitator.perspective,
  });
  for (const person of others) {
    await communities.addMember(users.get(facilitator.email)!, {
      communityId: community.id,
      email: person.email,
      role: person.role,
      perspective: person.perspective,
    });
  }
  // Through the moves of the spiral: items, a guideline made from three of them, tried out in practice.
  const created = new Map<string, string>();
  for (const item of DEMO_ITEMS) {
    const author = users.get(item.author)!;
    if (item.sources) {
      const guideline = await guidelines.promote(author, {
        sourceItemIds: item.sources.map((title) => created.get(title)!),
        title: item.title,
        // The demo's people are invented; the facilitator says so, as the privacy gate asks (docs/privacy.md).
        privacyOverride: { reason: 'Demo: verzonnen personen / Demo: invented people' },
      });
      await guidelines.setStatus(author, { id: guideline.id, status: 'IN_UITPROBEERFASE' });
      created.set(item.title, guideline.id);
    } else if (item.applies) {
      const reflection = await guidelines.recordApplication(author, {
        guidelineId: created.get(item.applies)!,
        body: item.body,
      });
      created.set(item.title, reflection.id);
    } else {
      created.set(
        item.title,
        (
          await items.create(author, {
            communityId: community.id,
            kind: item.kind,
            title: item.title,
            tags: item.tags,
            body: item.body,
          })
        ).id,
      );
    }
  }
  console.log(`Created the demo leernetwerk "${community.name}" with ${DEMO_ITEMS.length} items.`);
  printLogins();
}

function printLogins(): void {
  console.log(`Sign in with any of these (password: ${DEMO_PASSWORD}):`);
  for (const person of DEMO_PEOPLE) console.log(`  ${person.email.padEnd(40)} ${person.role}`);
}

main().catch((error: unknown) => {
  const clear = error instanceof ConfigError || error instanceof CliRefusal || error instanceof EmbeddedPostgresError;
  console.error(clear ? error.message : error);
  process.exit(1);
});
