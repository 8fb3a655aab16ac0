import { JourneyClient } from '@journey/sdk';

const journey = new JourneyClient(); // reads JOURNEY_API_KEY and JOURNEY_BASE_URL
const reply = await journey.chat('hello');
console.log(reply.text);
