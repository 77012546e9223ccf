/**
 * Names common in the Netherlands that the Belgian-Dutch lists of
 * @zxcvbn-ts/language-nl-be lack (see docs/decisions/privacy-own-detector.md):
 * Dutch names that are rarer in Flanders, and first names and surnames of
 * Surinamese, Hindustani, Antillean, Indonesian, Moroccan, Turkish, Polish,
 * Syrian, Eritrean, Somali, Ghanaian, Chinese and Vietnamese origin.
 * Lower case, as in the package's lists.
 */
export const EXTRA_FIRST_NAMES = `
henk kees piet klaas joost gerrit jaap wim hans bert harm teun sjaak ria truus joke mieke
marieke anneke ineke wilma gerda henny tineke greet corrie nel riet bep lies janneke sanne
femke anouk sterre floor fenna lieke jildou sietske baukje geertje tjitske hylke sjoerd
wietse jelle jurre tjeerd rinse douwe gosse ids auke bauke fokke hidde sytse wouter
bram joris thijs stijn niek koen ruud frits dirk hendrik jacobus cornelis pieter marinus
gijs jop mees siem sem daan luuk guus olivier tygo teije hugo job pim rens sep
dewi ravi rajesh sunita priya anjali ashwin shanti kavita sanjay vishal anil sunil
radj soeresh nandini shirley rosita ingrid marlon romano errol glenn roy clarence
dwayne jermaine shanice chanella naomi melvin kenneth orlando ruthmila jurgen
ketut wayan dewi sari putu indra budi agus siti retno yanti
mohamed mohammed mohamad ahmed ahmad youssef yousef youness younes hamza bilal ilias ilyas
ayoub anas soufiane othman rachid said khalid karim hicham mustapha noureddine abdel
abdelkader abdellah fatima fatma khadija malika naima nadia samira soumaya salma yasmina
yasmine imane ikram hajar houda loubna zineb meryem meriem nora amina aicha aisha hafsa
mehmet ahmet mustafa huseyin hüseyin ibrahim emre burak murat kemal osman yusuf yunus
elif zeynep ayse ayşe emine hatice esra büşra busra merve kübra kubra sevgi dilek gül
piotr pawel paweł krzysztof tomasz marcin michał michal kamil lukasz łukasz jakub wojciech
agnieszka katarzyna małgorzata malgorzata joanna magdalena monika ewa dorota beata
omar ammar hussein hassan mahmoud khaled tarek rami fadi ziad ghalia rania layla leila
lina rasha hiba dima nour noor yara
tesfay tesfaye yonas yohannes samuel filmon dawit daniel mehari semhar selam helen
mahlet rahel saba feven winta senait
abdi abdullahi abdirahman mohamud hodan ayaan fadumo faduma hawa ifrah sahra
kofi kwame kwaku kojo yaw kwabena kweku ama akosua abena efua adwoa afua esi
wei jun ming li hui xin yan lei jie ling mei fang xiu lan chen hao yi yu
minh anh thanh huong linh nguyet hoa lan tuan duc hung quang trang
`;

export const EXTRA_LAST_NAMES = `
de vries van den berg van dijk de boer de graaf de groot de bruijn de haan de wit
van der meer van der linden van der heijden van der veen van der wal van leeuwen van wijk
van dam van beek van vliet van den heuvel van der laan van den broek van der velde
hoekstra bosma dijkstra jansma visser smit meijer mulder de jong bakker janssen jansen
vermeulen van dongen kuipers koster prins huisman postma veenstra kramer vos brouwer
dekker hendriks van rijn scholten sanders bos bosch groen kok schouten verhoeven
kroon boersma wijnands tuinstra haverkamp tromp terpstra wiersma zijlstra hofstra
kalloe ramdin ramdhan ramsaran ramkisoen jagroep soekhlal mahabier bisoendat gobardhan
sewdien kanhai baldew ramlal sital autar chotkan
martina rosaria dania isenia statia pieternella
sitompul wibowo santoso suparman siregar
el amrani el idrissi el khatib el hamdaoui el ouali el bouzidi el ghazi benali
bouzid ouali amrani azzouz bakkali tahiri ait bella ait taleb
yilmaz yildiz kaya demir sahin şahin celik çelik yildirim öztürk ozturk aydin aydın arslan
dogan doğan kilic kılıç aslan cetin çetin kara koc koç kurt ozdemir özdemir polat
kowalski kowalska nowak wisniewski wiśniewski wojcik wójcik kaminski kamiński lewandowski
zielinski zieliński szymanski szymański wozniak woźniak dabrowski
al-hassan al hassan haddad khalil mansour nasser sabbagh darwish hamdan
tesfamariam gebremedhin haile kidane berhane tekle ghebreyesus
warsame farah hirsi osman jama
mensah owusu boateng asante appiah agyeman osei ofori amoah darko
wang zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo lin he gao
nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong ly
`;

function words(list: string): string[] {
  return list
    .split('\n')
    .flatMap((line) => line.split(/\s{2,}|\t/))
    .join(' ')
    .split(' ')
    .filter(Boolean);
}

export const extraFirstNames = (): string[] => words(EXTRA_FIRST_NAMES);
/** Multi-word surnames are written with single spaces and kept whole. */
export const extraLastNames = (): string[] => {
  const multi = [
    'de vries',
    'van den berg',
    'van dijk',
    'de boer',
    'de graaf',
    'de groot',
    'de bruijn',
    'de haan',
    'de wit',
    'van der meer',
    'van der linden',
    'van der heijden',
    'van der veen',
    'van der wal',
    'van leeuwen',
    'van wijk',
    'van dam',
    'van beek',
    'van vliet',
    'van den heuvel',
    'van der laan',
    'van den broek',
    'van der velde',
    'de jong',
    'van dongen',
    'van rijn',
    'el amrani',
    'el idrissi',
    'el khatib',
    'el hamdaoui',
    'el ouali',
    'el bouzidi',
    'el ghazi',
    'ait bella',
    'ait taleb',
    'al hassan',
  ];
  const singles = words(EXTRA_LAST_NAMES.replace(new RegExp(`\\b(${multi.join('|')})\\b`, 'g'), ''));
  return [...multi, ...singles];
};
