/**
 * Real English words for the independent corpus, each list ordered roughly from common to rare so a
 * Zipf draw gives natural frequencies. Kept apart from the engine's own word lists on purpose.
 */
const list = (text: string): string[] => text.trim().split(/\s+/);

/** Things a customer owns or manages ("how do i reset my ..."). */
export const THINGS = list(`
  password account order phone email card computer car package address subscription laptop bill payment
  username profile router printer ticket booking appointment membership wallet battery screen camera app
  tablet watch charger keyboard mouse monitor television fridge oven heater thermostat alarm calendar
  browser network settings storage backup photos contacts messages notifications passport licence
  insurance loan mortgage pension salary taxes budget savings invoice receipt refund delivery parcel
  headphones speaker microphone webcam console controller bicycle scooter garage mailbox locker voicemail
  dishwasher microwave kettle toaster blender vacuum washer dryer freezer boiler radiator chimney doorbell
  sofa mattress pillow blanket curtains carpet window faucet shower toilet bathtub sink drain gutter fence
  lawn hedge garden shed driveway roof ceiling basement attic staircase elevator balcony terrace
  prescription medication vaccine allowance scholarship tuition timetable syllabus homework essay
`);

/** What people do to things ("how do i ... my password"). */
export const ACTIONS = list(`
  reset change update cancel delete renew track return replace fix install connect charge clean repair
  upgrade download share transfer pay book schedule activate unlock recover restore sync close open find
  check verify confirm report block remove edit rename move print scan send receive refill order buy sell
  rent borrow lend export import protect insure register unsubscribe freeze unfreeze reschedule postpone
  extend shorten customize configure calibrate disconnect reconnect archive encrypt decorate paint polish
`);

/** Places with opening hours and directions. */
export const PLACES = list(`
  store bank pharmacy library gym pool museum office restaurant cafe bakery clinic hospital airport station
  mall park school supermarket cinema theatre stadium hotel hostel dentist garage laundry butcher florist
  bookshop gallery zoo aquarium church market embassy courthouse barber salon spa bistro pizzeria brewery
`);

/** Subjects to ask about ("tell me about ..."). */
export const TOPICS = list(`
  weather history science music football cooking gardening travel politics movies art photography
  fashion fitness nutrition astronomy chemistry physics biology geography economics philosophy poetry
  literature painting sculpture architecture engineering medicine psychology sociology archaeology
  volcanoes dinosaurs oceans rainforests glaciers earthquakes hurricanes planets galaxies robots vaccines
  chess tennis cricket baseball basketball cycling swimming skiing surfing climbing sailing knitting
`);

export const QUALITIES = list(`
  new old best cheap fast slow small large quiet loud bright dark warm cold modern simple cheapest
  nearest reliable portable wireless waterproof secure affordable expensive organic vegetarian
  vegan local healthy fresh durable lightweight comfortable elegant colourful refurbished
`);

/** Things on sale ("do you sell ..."). */
export const PRODUCTS = list(`
  shoes shirts jackets coffee tea bread cheese wine flowers books toys games tools paint plants
  vitamins candles batteries cables glasses umbrellas backpacks gloves scarves socks sandwiches cakes
  cookies soup salad noodles sushi pasta rice beans honey jam chocolate lemonade juice yoghurt
`);

export const CITIES = list(`
  london paris tokyo berlin madrid rome dublin lisbon vienna prague warsaw oslo helsinki stockholm
  amsterdam brussels zurich geneva athens cairo nairobi lagos mumbai delhi seoul beijing sydney
  melbourne auckland toronto vancouver chicago boston seattle denver miami houston lima bogota
`);

export const DAYS = list('today tomorrow tonight monday tuesday wednesday thursday friday saturday sunday weekend');

/** Capture values, as people type them. */
export const NAMES = list('Ada Alan Grace Linus Marie Nikola Rosalind Katherine Tim Barbara Edsger Hedy Dennis Margaret');
export const VALUES = list('42 7 1999 A1234 B-77 12:30 9am noon 3pm 221B 0800 X9 500');

/** Real words no trigger uses: fillers for `*`, and no-match questions. */
export const UNSEEN = list(`
  giraffe saxophone pyramid comet pirate wizard dragon banana volcano sandcastle lighthouse
  submarine tornado penguin kangaroo trombone lantern compass skeleton cactus meteor orchid iceberg
  mermaid unicorn goblin harp igloo jellyfish octopus parrot walrus yacht zeppelin quartz marble
  velvet spaghetti pancake waffle pretzel burrito dumpling avocado mango papaya coconut pumpkin
`);

/** Words people add around a question without changing it. */
export const EXTRAS = ['um', 'please', 'hey', 'can you', 'so', 'ok', 'uh', 'hi', 'quick question', 'thanks', 'well', 'hmm'];
