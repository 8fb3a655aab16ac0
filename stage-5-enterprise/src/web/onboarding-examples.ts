/**
 * The code the guide shows, with the person's own key and this server's address filled in, so that
 * it runs as it is copied (the Playwright claim runs the very text on the page). Without the key
 * (it is shown once, and a resumed guide no longer has it) the code reads it from the environment.
 */

/** The key written into the code, or the environment variable that holds it. */
export type KeyIn = { key: string } | { env: 'JOURNEY_API_KEY' };

export const INSTALL_COMMAND = 'npm i @journey/sdk';

/** The five lines to chat, with @journey/sdk: an ES module (hello.mjs), top-level await. */
export function sdkExample(keyIn: KeyIn, baseUrl: string): string {
  const apiKey = 'key' in keyIn ? `'${keyIn.key}'` : 'process.env.JOURNEY_API_KEY';
  return [
    "import { JourneyClient } from '@journey/sdk';",
    `const journey = new JourneyClient({ apiKey: ${apiKey}, baseUrl: '${baseUrl}' });`,
    'const { organization } = await journey.ping();',
    "const reply = await journey.chat('hello');",
    'console.log(`${organization.name} says: ${reply.text}`);',
  ].join('\n');
}

/** The same chat with curl, for any language. */
export function curlExample(keyIn: KeyIn, baseUrl: string): string {
  const key = 'key' in keyIn ? keyIn.key : '$JOURNEY_API_KEY';
  return [
    `curl ${baseUrl}/api/v1/chat \\`,
    `  -H "Authorization: Bearer ${key}" \\`,
    '  -H "content-type: application/json" \\',
    `  -d '{"message":"hello"}'`,
  ].join('\n');
}
