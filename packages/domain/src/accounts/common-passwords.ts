/**
 * Very common passwords and the words they are built from, lowercased.
 *
 * Source, honestly: this is a CURATED list written from knowledge of the public lists, not a copy of
 * them (this machine cannot download). The entries are ones that appear near the top of Daniel
 * Miessler's SecLists "Passwords/Common-Credentials/10-million-password-list-top-10000.txt" and the UK
 * NCSC's "100k-most-used-passwords-NCSC.txt" (Have I Been Pwned), plus the product's own names
 * ("concord", "crps", clinical words a person here is likely to reach for) — NIST SP 800-63B §5.1.1.2
 * asks for "context-specific words". A handful of vulgar entries on those lists are left out.
 *
 * The policy (password-policy.ts) does not only look for exact matches: it lowercases, strips the
 * digits and symbols people pad with ("Password1234!"), undoes common letter swaps ("p@ssw0rd") and
 * refuses repetitions ("concordconcord"), keyboard walks and sequences, so the short base words here
 * cover the thousands of 12+ character variants the public lists hold ("password1234",
 * "iloveyou1234", "qwertyuiop12", "123456789012"). To use a fuller list, replace the text below with
 * the downloaded file's lines; nothing else changes.
 */
const LIST = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123 football monkey
letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321 superman 1qaz2wsx 7777777
121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew
tigger sunshine iloveyou charlie robert thomas hockey ranger daniel starwars klaster 112233 george computer michelle
jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess joshua
cheese amanda summer love ashley nicole chelsea biteme matthew access yankees 987654321 dallas austin thunder taylor
matrix mobilemail minecraft william corvette hello martin heather secret merlin diamond 1234qwer gfhjkm hammer silver
222222 88888888 anthony justin test bailey q1w2e3r4t5 patrick internet scooter orange 11111 golfer cookie richard
samantha bigdog guitar jackson whatever mickey chicken sparky snoopy maverick phoenix camaro peanut morgan welcome
falcon cowboy ferrari samsung andrea smokey steelers joseph mercedes dakota arsenal eagles melissa boomer booboo spider
nascar monster tigers yellow xxxxxx 123123123 gateway marina diablo bulldog qwer1234 compaq purple hardcore banana
junior hannah 123654 porsche lakers iceman money cowboys 987654 london tennis 999999 ncc1701 coffee scooby 0000 miller
boston q1w2e3r4 brandon yamaha chester mother forever johnny edward 333333 oliver redsox player nikita knight fender
barney midnight please brandy chicago badboy slayer rangers charles angel flower bigdaddy rabbit wizard jasper enter
rachel chris steven winner adidas victoria natasha 1q2w3e4r jasmine winter prince marine ghbdtn fishing cocacola
casper james 232323 raiders 888888 marlboro gandalf asdfasdf crystal 87654321 12344321 golden 8675309 disney jackie
monica sophie elizabeth lauren success blessed blessing jesus christ god heaven angels faith hope trinity
qwerty123 password1 password123 password12 passw0rd p@ssword p@ssw0rd pa55word pa55w0rd passwort motdepasse contrasena
admin administrator root toor changeme default guest user login welcome1 letmein1 abcdef abcd1234 a1b2c3 a1b2c3d4
1q2w3e 1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx3edc zaq12wsx zaq1zaq1 qazwsxedc qazwsxedcrfv 1qazxsw2 123qweasd 123qweasdzxc
asdfghjkl zxcvbnm123 qwertyui qwertyu asdf1234 zxcv1234 poiuytrewq lkjhgfdsa mnbvcxz 0987654321 147258369 741852963
159357 147258 258456 123654789 369258147 963852741 1029384756 qweasdzxc qweasd asdzxc q2w3e4r5 azerty azertyuiop
qwertz qwertzuiop 1234abcd abc12345 abcabc abc123456 iloveu iloveyou1 iloveyou2 loveyou lovely loveme lover
ihateyou fuckoff whatever1 nothing something anything everything someone nobody myself mylove mypassword
mysecret secret1 secret123 private personal letmeinnow openup opensesame sesame master1 masterkey
michael1 jennifer1 jordan23 superman1 batman1 spiderman ironman wolverine hulk avengers marvel pokemon pikachu
naruto goku dragonball sonic mario zelda halo xbox playstation nintendo gamer gaming computer1 laptop
internet1 google yahoo hotmail gmail facebook twitter instagram snapchat tiktok youtube netflix spotify amazon
apple microsoft windows linux ubuntu android iphone samsung1 nokia motorola blackberry
summer1 winter1 spring autumn january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday weekend holiday christmas easter halloween birthday
red blue green black white pink gray grey brown gold
one two three four five six seven eight nine ten onetwothree onetwothreefour
football1 baseball1 basketball soccer1 hockey1 golf tennis1 cricket rugby boxing running cycling swimming
liverpool manchester chelsea1 arsenal1 barcelona realmadrid juventus milan bayern celtic rangers1 everton tottenham
newcastle leeds united city yankees1 redsox1 lakers1 bulls cowboys1 steelers1 packers patriots giants eagles1 raiders1
england scotland wales ireland britain america usa canada australia france germany italy spain mexico brazil
newyork california texas florida chicago1 london1 paris berlin dublin toronto sydney
dog cat puppy kitty kitten doggy tiger lion bear wolf eagle shark dolphin horse pony bunny monkey1 turtle
butterfly flower1 rose lily daisy sunflower tulip cherry apple1 orange1 banana1 lemon strawberry chocolate
cookie1 cupcake candy sugar honey sweet sweetie sweetheart darling baby babygirl babyboy princess1 prince1
angel1 angels1 beautiful pretty lovely1 cutie cute gorgeous sexy hottie handsome
alexander alexandra alex alexis andrew1 anna annie anthony1 ashley1 benjamin ben brian brittany caroline
charlotte chloe christian christina christopher daniel1 david diana dylan elizabeth1 emily emma eric ethan
hannah1 harry heather1 henry isabella jack jacob james1 jason jeremy jessica1 john johnny1 jonathan joseph1
josh joshua1 julia julie justin1 kevin kimberly laura lisa logan lucas luke madison maria mark mary matthew1
megan melissa1 michelle1 mike natalie nathan nicholas nicole1 noah olivia oliver1 patrick1 paul peter rachel1
rebecca richard1 robert1 ryan samantha1 samuel sarah scott sophia stephanie steven1 taylor1 thomas1 tyler
victoria1 william1 zachary sam casey jamie morgan1 riley
hello1 hello123 hellokitty welcome123 goodbye goodluck freedom1 liberty justice peace happy happiness smile
sunshine1 rainbow starlight moonlight midnight1 shadow1 darkness light dream dreamer dreams magic mystery
music guitar1 piano drummer rock rocknroll metallica nirvana beatles eminem rockstar superstar
qwerty1 qwerty12 qwerty1234 qwertyuiop1 asdfgh1 zxcvbnm1 letmein123 trustno11 abc1234 password1234
monkey123 dragon123 master123 shadow123 sunshine123 princess123 football123 baseball123 superman123 batman123
killer123 hunter123 charlie123 welcome12 iloveyou123 love123 test123 test1234 testing testing123 admin123 admin1234
root123 user123 guest123 demo demo123 sample example temp temp123 temporary newpassword newpass oldpassword
changeme1 changeme123 password! password? passwordpassword mypassword1 mypass
correcthorsebatterystaple correct horse battery staple thequickbrownfox thequickbrownfoxjumpsoverthelazydog
iloveyoubaby iloveyouforever loveyouforever foreverandever allstar blink182 letitbe
concord concordcare concordcrps concordportal concordpassword concordclinic
crps crpspatient complexregionalpainsyndrome regionalpain chronicpain painclinic paincare pain nopain painfree
doctor nurse hospital clinic health healthcare medical medicine patient physio physiotherapy therapy therapist
psychologist careteam wellness recovery healing heal getwell
`;

/** The list as a set, for the policy's checks. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
