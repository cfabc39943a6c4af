-- Verbatim article migration, written by `npm run corpus:add` from the seed below.
-- Review it, but do not edit it: change the seed and run the command again.
-- article: trump-orders-pentagon-military-force-cartels
-- action: add
-- seed: seeds/2025-08-15-trump-orders-pentagon-military-force-cartels.yaml
-- source-hash: sha256:e3faf1bd663607f6686174050799945e8f27777ab4496a58a67606b95ed7c517
-- notes:
--   - The title, byline and date lines of the export are metadata, not body.
--   - Markdown emphasis (*New York Times*, *Times*, *El Universal*) is removed: the body is plain text, so quotes match the published words.
--   - The export escaped the dollar sign (\$50 million); the body has $50 million.
--   - The export broke one paragraph mid-sentence ("issued a" / "statement stressing"); the two halves are joined with a single space.
--   - Curly and straight quotation marks and apostrophes are mixed in the source (straight from the Petro paragraph on); they are kept exactly as published.
--   - The site footer ("To contact the WWSW and the Socialist Equality Party visit: wwsw.org/contact") is not part of the article and is left out.
--   - DIRECT and PARTIAL quote texts are the words inside the quotation marks; a comma that only closes the quotation before the reporting clause (“...,” she said) is left out, other punctuation inside the marks is kept.
--   - Dates the article does not support (the Mexican Revolution, the Panama invasion, Trump’s first term) are marked external; relative dates (two weeks ago, last week, so far this year) are resolved against the publication date, 2025-08-15.
-- What the article links now, and what those entities lead to (roles, participants, parents):
-- after the change, those that nothing uses any more are removed.
DROP TABLE IF EXISTS pg_temp.verbatim_previous_links;
--> statement-breakpoint
CREATE TEMPORARY TABLE verbatim_previous_links ON COMMIT DROP AS
WITH RECURSIVE
  art AS (SELECT id FROM articles WHERE slug = 'trump-orders-pentagon-military-force-cartels'),
  ev AS (SELECT event_id AS id FROM article_events WHERE article_id IN (SELECT id FROM art)),
  sp AS (
    SELECT speaker_id AS id FROM article_speakers WHERE article_id IN (SELECT id FROM art)
    UNION SELECT speaker_id FROM quotes WHERE article_id IN (SELECT id FROM art)
    UNION SELECT speaker_id FROM event_participants WHERE event_id IN (SELECT id FROM ev) AND speaker_id IS NOT NULL
  ),
  org(id) AS (
    SELECT organization_id FROM article_organizations WHERE article_id IN (SELECT id FROM art)
    UNION SELECT organization_id FROM event_participants WHERE event_id IN (SELECT id FROM ev) AND organization_id IS NOT NULL
    UNION SELECT organization_id FROM speakers WHERE id IN (SELECT id FROM sp) AND organization_id IS NOT NULL
    UNION SELECT organization_id FROM speaker_roles WHERE speaker_id IN (SELECT id FROM sp)
    UNION SELECT o.parent_id FROM organizations o JOIN org ON o.id = org.id WHERE o.parent_id IS NOT NULL
  )
SELECT 'event'::text AS kind, id FROM ev
UNION SELECT 'speaker', id FROM sp
UNION SELECT 'organization', id FROM org;
--> statement-breakpoint
-- The article, by slug.
INSERT INTO articles (slug, title, authors, outlet, published_on, url, language, body, source_hash)
VALUES ('trump-orders-pentagon-military-force-cartels', 'Trump orders Pentagon to use military force against Latin American drug cartels', ARRAY['Don Knowland']::text[], 'World Socialist Web Site', '2025-08-15', NULL, 'en',
'Citing anonymous sources, the New York Times reports that President Donald Trump has ordered the Pentagon to “begin using military force against certain Latin American drug cartels,” claiming they threaten the peace and security of the US.

The Mexican cartels targeted are the Sinaloa Cartel, the Jalisco New Generation Cartel, the Cartel del Noreste, the Gulf Cartel and the Nueva Familia Michoacana.

The August 8 report did not say whether specific strikes have been suggested to the Pentagon, although these plans are already being drawn up by military officials, according to the Times.

Mexican President Claudia Sheinbaum responded quickly to the report. “We were informed that this executive order was coming and that it had nothing to do with the participation of any military personnel or any institution in our territory,” she said, adding that the directive referred exclusively to actions within US territory, although Trump has already sent close to 10,000 troops to the border.

“No,” she said, “absolutely not. The United States is not going to send its military into Mexico. We cooperate, we collaborate, but there will be no invasion. That’s ruled out ... because, in addition to what we’ve stated in all our conversations, it’s not allowed, nor is it part of any agreement.”

When asked about the Times’ reporting that the directive authorized military use abroad, on land and sea, Sheinbaum dismissed that claim, too.

But the US has already sent two warships to patrol the coasts of Mexico—one in the Pacific Ocean, the other in the Gulf of Mexico—a use of naval force without precedent in US border security operations.

When pressed further to explain if the reporting was inaccurate, Sheinbaum demurred, suggesting she had not seen the directive. “Well, we’ll have to see how the executive order is [written],” she said, “but there’s no risk that they’ll invade our territory.”

Sheinbaum emphasized that a “lot of work has been done to reduce homicides, and the flow of fentanyl across the border has been reduced by 50 percent,” which US Ambassador to Mexico Ronald Johnson has confirmed. In a post on X, Johnson said that the collaboration of Sheinbaum and Trump resulted in cartels “going bankrupt and our countries are safer for it.”

Sheinbaum also ordered the extradition on August 12 of 26 alleged cartel members to the US. This follows the turning over of 29 Mexican prisoners to Washington in February for prosecution in federal courts. But facts don’t deter Trump and US imperialism.

Until Trump’s directive, US officials reportedly believed that Mexico relations with the US were on the upswing. US ambassador Johnson said in July that the greatly reduced drug flow and border crossings were “due to a secure border” and “increased collaboration between the US and Mexico.”

According to Todd Robinson, who was the assistant secretary of state for international narcotics and law enforcement affairs in the Biden administration, that collaboration will vanish with an invasion. “If the US does this without Mexico’s consent, it will set the relationship back a hundred years,” he said.

US troops in fact have not entered Mexico since the US Army chased the Mexican revolutionary Pancho Villa during the Mexican Revolution in 1916. But there can be little doubt that the US military is already war-gaming expeditionary forces crossing the border from Arizona and Texas, maritime attacks on ports such as Tampico, Mazatlán and Manzanillo, and even a lightning air strike on Mexico City’s Felipe Ángeles International Airport and other major airports.

In February, Trump’s State Department designated the six largest Mexican drug trafficking groups as foreign terrorist organizations, along with Tren de Aragua of Venezuela and Mara Salvatrucha of El Salvador (known as MS-13), saying that they constituted “a national-security threat beyond that posed by traditional organized crime.”

These designations have the perverse effect of combining the “war on drugs,” which has been used to justify US military action in Latin America, with the “war on terror,” the pretext for Washington’s wars of aggression in the Middle East. In both cases, the real aim of US imperialism is to assert its hegemony over resource-rich regions, markets and sources of cheap labor.

Two weeks ago, the Trump administration added to that list the Venezuelan Cartel de los Soles, or Cartel of the Suns, which it alleges works with Mexico’s Sinaloa Cartel. The administration asserted that this cartel is headed by President Nicolás Maduro of Venezuela, on whom it has placed a $50 million bounty, and other high-ranking military officials in his administration. “Soles” refer to the insignia worn by Venezuelan generals, and the name was coined to indicate the collaboration of individual officers with drug traffickers. There is no evidence that such a “cartel” exists.

Caracas claims it has shot down 312 planes used by drug traffickers since 2012 and emphasized last week that Venezuelan authorities have seized 51 tons of drugs so far this year. Colombia’s President Gustavo Petro, meanwhile, issued a statement stressing Venezuela''s collaboration in counter-narcotics operations and warning that any US military action against the country would be treated as "an aggression against Latin America and the Caribbean."

The US has been using drones and spy planes since Trump''s first term to surveil Mexican drug cartels, an action that Sheinbaum said was "part of a coordinated operation between the US and Mexican governments." Drone flights over Mexico have hunted for fentanyl labs according to US officials. But the US military, unlike spy agencies, did not enter Mexican airspace.

In his first term, Trump wanted to bomb drug labs in Mexico. His defense secretary at the time, Mark T. Esper, later portrayed the idea as ludicrous in his memoir, while Mexican officials claimed to be outraged.

According to Rear Adm. James E. McPherson (ret), who served as the top uniformed lawyer for the Navy in the early 2000s, it would be "a major breach of international law" to use military force in another country''s territory without its government''s consent, absent criteria not present here.

International law did not, however, deter the US when President George H.W. Bush sent more than 20,000 troops into Panama to arrest President Manuel Noriega, who had been indicted in the US on charges of drug trafficking. The United Nations General Assembly condemned that invasion as a "flagrant violation of international law."

Now, US Secretary of State Marco Rubio is claiming the administration''s right "to use other elements of American power, intelligence agencies, the Department of Defense, whatever, to target these groups if we have an opportunity to do it." There is no suggestion of a role for Congress, or the need for the target country''s consent.

Within the Trump administration figures such as Vice President Vance, Attorney General Pam Bondi and Defense Secretary Pete Hegseth are also pushing direct intervention against the cartels in Mexico. The country is increasingly denounced as a US adversary along the lines of Iran, China or North Korea in MAGA circles.

In contrast, Trump''s immigration adviser, the fascist Stephen Miller, reportedly opposes using the military against cartels in Mexico, but only because it would damage the cooperation of the Mexican government needed to stifle migration.

And although major US business sectors undoubtedly fear the economic disruption of a military assault on Mexico, the largest US trading partner, little has been heard from the corporate media voicing objection to this madness, or from Democratic Party leaders.

Recently Mexican security analyst Vito Hernández Ochoa, who was an adviser to Mexican President Enrique Peña Nieto, and is the current director of the Latin American Institute for Strategic Studies, warned in El Universal that US military intervention in Mexico is "imminent."

Significant right-wing sectors in Mexico also apparently favor the idea of US military intervention in Mexico as a means to wipe out the cartels, clean up widespread corruption, and debilitate the ruling MORENA party.

Drone attacks are already on the agenda. Trump has also floated sending kill teams to take out cartel leaders.

But drone warfare also allows smaller or technologically less advanced actors such as cartels to defend themselves against larger adversaries. Mexican cartels operate as paramilitary entities with deep financial resources, global supply chains and sophisticated logistical networks that extend into the US. They can take retaliation across the border.

It is highly likely that US forces will end up killing many civilians if they go after cartel members in Mexico. The areas where US forces operate will become much less secure. Violence overall will likely increase, and that will spur new waves of migration from the destabilized regions. However many cartel members the US manages to kill, there will always be new recruits ready to fill the vacuum.

A US invasion of Mexico could rupture relations between the two countries, blow apart the USMCA trade agreement, and lead to another US forever war, with millions of US residents of Mexican origin also up in arms. The economic fallout would be on a huge scale.

Facing an upsurge in the class conflict stemming from deepening economic and geopolitical instability, Trump seeks to browbeat Mexico City into an even greater militarization to secure key suppliers to US industry while making preparations for direct US involvement in the repression of Mexican workers.

Sheinbaum''s strategy for dismantling the cartels differs little from the failed strategies of the last four Mexican presidents, at least two of whom were likely corrupted by the cartels. Her government falsifies the figures on deaths and disappearances. It also maintains pacts of impunity for politicians bought off by the cartels.

Despite Sheinbaum''s rhetoric, it is likely the Mexican ruling class would capitulate to US imperialism.

In the final analysis, it is only the Mexican working class, united with workers in the US and throughout Latin America, that can and must put an end to this descent into the maelstrom. This requires building the International Committee of the Fourth International in the Americas, and internationally.',
'sha256:e3faf1bd663607f6686174050799945e8f27777ab4496a58a67606b95ed7c517')
ON CONFLICT (slug) DO UPDATE SET
  title = EXCLUDED.title, authors = EXCLUDED.authors, outlet = EXCLUDED.outlet,
  published_on = EXCLUDED.published_on, url = EXCLUDED.url, language = EXCLUDED.language,
  body = EXCLUDED.body, source_hash = EXCLUDED.source_hash;
--> statement-breakpoint
-- Its own rows are replaced below.
DELETE FROM quotes WHERE article_id = (SELECT id FROM articles WHERE slug = 'trump-orders-pentagon-military-force-cartels');
--> statement-breakpoint
DELETE FROM article_paragraphs WHERE article_id = (SELECT id FROM articles WHERE slug = 'trump-orders-pentagon-military-force-cartels');
--> statement-breakpoint
DELETE FROM article_events WHERE article_id = (SELECT id FROM articles WHERE slug = 'trump-orders-pentagon-military-force-cartels');
--> statement-breakpoint
DELETE FROM article_speakers WHERE article_id = (SELECT id FROM articles WHERE slug = 'trump-orders-pentagon-military-force-cartels');
--> statement-breakpoint
DELETE FROM article_organizations WHERE article_id = (SELECT id FROM articles WHERE slug = 'trump-orders-pentagon-military-force-cartels');
--> statement-breakpoint
-- Organizations this seed defines.
INSERT INTO organizations (slug, name, kind, aliases, country, description, wikidata_id) VALUES
  ('united-states-government', 'Government of the United States', 'GOVERNMENT', ARRAY['US government', 'Washington', 'United States']::text[], 'US', NULL, NULL),
  ('trump-administration', 'Trump administration', 'GOVERNMENT', ARRAY['the administration']::text[], 'US', 'The US executive branch under President Donald Trump', NULL),
  ('biden-administration', 'Biden administration', 'GOVERNMENT', '{}'::text[], 'US', 'The US executive branch under President Joe Biden', NULL),
  ('us-department-of-defense', 'US Department of Defense', 'GOVERNMENT_BODY', ARRAY['Pentagon', 'Department of Defense', 'DoD']::text[], 'US', NULL, NULL),
  ('us-department-of-state', 'US Department of State', 'GOVERNMENT_BODY', ARRAY['State Department', 'Department of State']::text[], 'US', NULL, NULL),
  ('united-states-armed-forces', 'United States Armed Forces', 'MILITARY', ARRAY['US military', 'US forces']::text[], 'US', NULL, NULL),
  ('us-army', 'United States Army', 'MILITARY', ARRAY['US Army']::text[], 'US', NULL, NULL),
  ('us-navy', 'United States Navy', 'MILITARY', ARRAY['US Navy', 'Navy']::text[], 'US', NULL, NULL),
  ('united-states-congress', 'United States Congress', 'GOVERNMENT_BODY', ARRAY['Congress', 'US Congress']::text[], 'US', NULL, NULL),
  ('democratic-party', 'Democratic Party', 'POLITICAL_PARTY', ARRAY['Democrats']::text[], 'US', NULL, NULL),
  ('new-york-times', 'The New York Times', 'MEDIA', ARRAY['New York Times', 'the Times', 'NYT']::text[], 'US', NULL, NULL),
  ('government-of-mexico', 'Government of Mexico', 'GOVERNMENT', ARRAY['Mexican government', 'Mexico City']::text[], 'MX', NULL, NULL),
  ('morena', 'MORENA', 'POLITICAL_PARTY', ARRAY['Morena', 'Movimiento Regeneración Nacional', 'National Regeneration Movement']::text[], 'MX', 'Mexico’s ruling party', NULL),
  ('el-universal', 'El Universal', 'MEDIA', '{}'::text[], 'MX', 'Mexican newspaper', NULL),
  ('latin-american-institute-for-strategic-studies', 'Latin American Institute for Strategic Studies', 'RESEARCH_INSTITUTE', '{}'::text[], 'MX', NULL, NULL),
  ('government-of-venezuela', 'Government of Venezuela', 'GOVERNMENT', ARRAY['Venezuelan government', 'Caracas', 'Venezuelan authorities']::text[], 'VE', NULL, NULL),
  ('government-of-colombia', 'Government of Colombia', 'GOVERNMENT', ARRAY['Colombian government']::text[], 'CO', NULL, NULL),
  ('united-nations', 'United Nations', 'INTERNATIONAL_BODY', ARRAY['UN']::text[], NULL, NULL, NULL),
  ('united-nations-general-assembly', 'United Nations General Assembly', 'INTERNATIONAL_BODY', ARRAY['UN General Assembly', 'UNGA']::text[], NULL, NULL, NULL),
  ('international-committee-of-the-fourth-international', 'International Committee of the Fourth International', 'OTHER', ARRAY['ICFI']::text[], NULL, 'International Trotskyist organization', NULL),
  ('sinaloa-cartel', 'Sinaloa Cartel', 'CRIMINAL_ORGANIZATION', ARRAY['Cártel de Sinaloa']::text[], 'MX', 'Mexican drug trafficking organization', NULL),
  ('jalisco-new-generation-cartel', 'Jalisco New Generation Cartel', 'CRIMINAL_ORGANIZATION', ARRAY['Cártel de Jalisco Nueva Generación', 'CJNG']::text[], 'MX', 'Mexican drug trafficking organization', NULL),
  ('cartel-del-noreste', 'Cartel del Noreste', 'CRIMINAL_ORGANIZATION', ARRAY['Cártel del Noreste', 'Northeast Cartel', 'CDN']::text[], 'MX', 'Mexican drug trafficking organization', NULL),
  ('gulf-cartel', 'Gulf Cartel', 'CRIMINAL_ORGANIZATION', ARRAY['Cártel del Golfo', 'CDG']::text[], 'MX', 'Mexican drug trafficking organization', NULL),
  ('nueva-familia-michoacana', 'Nueva Familia Michoacana', 'CRIMINAL_ORGANIZATION', ARRAY['La Nueva Familia Michoacana', 'LNFM']::text[], 'MX', 'Mexican drug trafficking organization', NULL),
  ('tren-de-aragua', 'Tren de Aragua', 'CRIMINAL_ORGANIZATION', '{}'::text[], 'VE', 'Venezuelan criminal organization', NULL),
  ('mara-salvatrucha', 'Mara Salvatrucha', 'CRIMINAL_ORGANIZATION', ARRAY['MS-13', 'Mara Salvatrucha 13']::text[], 'SV', 'Criminal gang of Salvadoran origin', NULL),
  ('cartel-de-los-soles', 'Cartel de los Soles', 'CRIMINAL_ORGANIZATION', ARRAY['Cartel of the Suns', 'Cártel de los Soles']::text[], 'VE', 'Alleged Venezuelan drug trafficking network of military officers, designated by the Trump administration', NULL)
ON CONFLICT (slug) DO UPDATE SET
  name = EXCLUDED.name, kind = EXCLUDED.kind, aliases = EXCLUDED.aliases, country = EXCLUDED.country,
  description = EXCLUDED.description, wikidata_id = EXCLUDED.wikidata_id;
--> statement-breakpoint
UPDATE organizations o SET parent_id = (SELECT p.id FROM organizations p WHERE p.slug = v.parent)
FROM (VALUES
  ('united-states-government', NULL),
  ('trump-administration', 'united-states-government'),
  ('biden-administration', 'united-states-government'),
  ('us-department-of-defense', 'united-states-government'),
  ('us-department-of-state', 'united-states-government'),
  ('united-states-armed-forces', 'us-department-of-defense'),
  ('us-army', 'united-states-armed-forces'),
  ('us-navy', 'united-states-armed-forces'),
  ('united-states-congress', 'united-states-government'),
  ('democratic-party', NULL),
  ('new-york-times', NULL),
  ('government-of-mexico', NULL),
  ('morena', NULL),
  ('el-universal', NULL),
  ('latin-american-institute-for-strategic-studies', NULL),
  ('government-of-venezuela', NULL),
  ('government-of-colombia', NULL),
  ('united-nations', NULL),
  ('united-nations-general-assembly', 'united-nations'),
  ('international-committee-of-the-fourth-international', NULL),
  ('sinaloa-cartel', NULL),
  ('jalisco-new-generation-cartel', NULL),
  ('cartel-del-noreste', NULL),
  ('gulf-cartel', NULL),
  ('nueva-familia-michoacana', NULL),
  ('tren-de-aragua', NULL),
  ('mara-salvatrucha', NULL),
  ('cartel-de-los-soles', NULL)
) AS v(slug, parent)
WHERE o.slug = v.slug;
--> statement-breakpoint
-- Speakers this seed defines, and their roles.
INSERT INTO speakers (slug, name, kind, aliases, description, wikidata_id, organization_id) VALUES
  ('donald-trump', 'Donald Trump', 'PERSON', ARRAY['Trump', 'Donald J. Trump', 'President Trump']::text[], 'President of the United States', NULL, NULL),
  ('claudia-sheinbaum', 'Claudia Sheinbaum', 'PERSON', ARRAY['Sheinbaum', 'Claudia Sheinbaum Pardo']::text[], 'President of Mexico', NULL, NULL),
  ('ronald-johnson', 'Ronald Johnson', 'PERSON', ARRAY['Ambassador Johnson']::text[], 'US Ambassador to Mexico', NULL, NULL),
  ('todd-robinson', 'Todd Robinson', 'PERSON', '{}'::text[], 'Former US assistant secretary of state for international narcotics and law enforcement affairs', NULL, NULL),
  ('gustavo-petro', 'Gustavo Petro', 'PERSON', ARRAY['Petro']::text[], 'President of Colombia', NULL, NULL),
  ('mark-esper', 'Mark T. Esper', 'PERSON', ARRAY['Mark Esper', 'Esper']::text[], 'US Secretary of Defense in Trump’s first term', NULL, NULL),
  ('james-e-mcpherson', 'James E. McPherson', 'PERSON', ARRAY['James McPherson', 'Rear Adm. James E. McPherson']::text[], 'Retired US Navy rear admiral, the Navy’s top uniformed lawyer in the early 2000s', NULL, NULL),
  ('marco-rubio', 'Marco Rubio', 'PERSON', ARRAY['Rubio']::text[], 'US Secretary of State', NULL, NULL),
  ('stephen-miller', 'Stephen Miller', 'PERSON', ARRAY['Miller']::text[], 'Immigration adviser to Donald Trump', NULL, NULL),
  ('vito-hernandez-ochoa', 'Vito Hernández Ochoa', 'PERSON', ARRAY['Vito Hernández', 'Hernández Ochoa']::text[], 'Mexican security analyst', NULL, NULL),
  ('new-york-times', 'The New York Times', 'ORGANIZATION', ARRAY['New York Times', 'the Times']::text[], NULL, NULL, (SELECT id FROM organizations WHERE slug = 'new-york-times')),
  ('us-department-of-state', 'US Department of State', 'ORGANIZATION', ARRAY['State Department']::text[], NULL, NULL, (SELECT id FROM organizations WHERE slug = 'us-department-of-state')),
  ('trump-administration', 'Trump administration', 'ORGANIZATION', '{}'::text[], NULL, NULL, (SELECT id FROM organizations WHERE slug = 'trump-administration')),
  ('government-of-venezuela', 'Government of Venezuela', 'ORGANIZATION', ARRAY['Caracas', 'Venezuelan government']::text[], NULL, NULL, (SELECT id FROM organizations WHERE slug = 'government-of-venezuela')),
  ('united-nations-general-assembly', 'United Nations General Assembly', 'ORGANIZATION', ARRAY['UN General Assembly']::text[], NULL, NULL, (SELECT id FROM organizations WHERE slug = 'united-nations-general-assembly')),
  ('us-officials', 'US officials', 'UNNAMED_GROUP', '{}'::text[], 'Unnamed United States officials', NULL, NULL),
  ('mexican-officials', 'Mexican officials', 'UNNAMED_GROUP', '{}'::text[], 'Unnamed Mexican officials', NULL, NULL),
  ('maga-circles', 'MAGA circles', 'UNNAMED_GROUP', '{}'::text[], 'Supporters of Donald Trump’s “Make America Great Again” movement', NULL, NULL),
  ('pancho-villa', 'Pancho Villa', 'PERSON', ARRAY['Francisco Villa']::text[], 'Mexican revolutionary', NULL, NULL),
  ('nicolas-maduro', 'Nicolás Maduro', 'PERSON', ARRAY['Maduro']::text[], 'President of Venezuela', NULL, NULL),
  ('jd-vance', 'JD Vance', 'PERSON', ARRAY['J. D. Vance', 'Vance']::text[], 'Vice President of the United States', NULL, NULL),
  ('pam-bondi', 'Pam Bondi', 'PERSON', ARRAY['Bondi']::text[], 'Attorney General of the United States', NULL, NULL),
  ('pete-hegseth', 'Pete Hegseth', 'PERSON', ARRAY['Hegseth']::text[], 'US Secretary of Defense', NULL, NULL),
  ('george-h-w-bush', 'George H.W. Bush', 'PERSON', ARRAY['George H. W. Bush', 'George Bush']::text[], 'President of the United States (1989–1993)', NULL, NULL),
  ('manuel-noriega', 'Manuel Noriega', 'PERSON', ARRAY['Noriega']::text[], 'Military ruler of Panama, indicted in the US on drug trafficking charges', NULL, NULL),
  ('enrique-pena-nieto', 'Enrique Peña Nieto', 'PERSON', ARRAY['Peña Nieto']::text[], 'President of Mexico (2012–2018)', NULL, NULL),
  ('joe-biden', 'Joe Biden', 'PERSON', ARRAY['Biden']::text[], 'President of the United States (2021–2025)', NULL, NULL)
ON CONFLICT (slug) DO UPDATE SET
  name = EXCLUDED.name, kind = EXCLUDED.kind, aliases = EXCLUDED.aliases, description = EXCLUDED.description,
  wikidata_id = EXCLUDED.wikidata_id, organization_id = EXCLUDED.organization_id;
--> statement-breakpoint
DELETE FROM speaker_roles WHERE speaker_id IN (SELECT id FROM speakers WHERE slug IN ('donald-trump', 'claudia-sheinbaum', 'ronald-johnson', 'todd-robinson', 'gustavo-petro', 'mark-esper', 'james-e-mcpherson', 'marco-rubio', 'stephen-miller', 'vito-hernandez-ochoa', 'new-york-times', 'us-department-of-state', 'trump-administration', 'government-of-venezuela', 'united-nations-general-assembly', 'us-officials', 'mexican-officials', 'maga-circles', 'pancho-villa', 'nicolas-maduro', 'jd-vance', 'pam-bondi', 'pete-hegseth', 'george-h-w-bush', 'manuel-noriega', 'enrique-pena-nieto', 'joe-biden'));
--> statement-breakpoint
INSERT INTO speaker_roles (speaker_id, organization_id, title, start_on, end_on, dates_external) VALUES
  ((SELECT id FROM speakers WHERE slug = 'donald-trump'), (SELECT id FROM organizations WHERE slug = 'united-states-government'), 'President of the United States', NULL, NULL, false),
  ((SELECT id FROM speakers WHERE slug = 'claudia-sheinbaum'), (SELECT id FROM organizations WHERE slug = 'government-of-mexico'), 'President of Mexico', NULL, NULL, false),
  ((SELECT id FROM speakers WHERE slug = 'ronald-johnson'), (SELECT id FROM organizations WHERE slug = 'us-department-of-state'), 'US Ambassador to Mexico', NULL, NULL, false),
  ((SELECT id FROM speakers WHERE slug = 'todd-robinson'), (SELECT id FROM organizations WHERE slug = 'us-department-of-state'), 'Assistant Secretary of State for International Narcotics and Law Enforcement Affairs', NULL, NULL, false),
  ((SELECT id FROM speakers WHERE slug = 'gustavo-petro'), (SELECT id FROM organizations WHERE slug = 'government-of-colombia'), 'President of Colombia', NULL, NULL, false),
  ((SELECT id FROM speakers WHERE slug = 'mark-esper'), (SELECT id FROM organizations WHERE slug = 'us-department-of-defense'), 'Secretary of Defense', NULL, NULL, false),
  ((SELECT id FROM speakers WHERE slug = 'james-e-mcpherson'), (SELECT id FROM organizations WHERE slug = 'us-navy'), 'Top uniformed lawyer for the Navy', NULL, NULL, false),
  ((SELECT id FROM speakers WHERE slug = 'marco-rubio'), (SELECT id FROM organizations WHERE slug = 'us-department-of-state'), 'Secretary of State', NULL, NULL, false),
  ((SELECT id FROM speakers WHERE slug = 'stephen-miller'), (SELECT id FROM organizations WHERE slug = 'trump-administration'), 'Immigration adviser', NULL, NULL, false),
  ((SELECT id FROM speakers WHERE slug = 'vito-hernandez-ochoa'), (SELECT id FROM organizations WHERE slug = 'latin-american-institute-for-strategic-studies'), 'Director', NULL, NULL, false),
  ((SELECT id FROM speakers WHERE slug = 'vito-hernandez-ochoa'), (SELECT id FROM organizations WHERE slug = 'government-of-mexico'), 'Adviser to President Enrique Peña Nieto', NULL, NULL, false),
  ((SELECT id FROM speakers WHERE slug = 'nicolas-maduro'), (SELECT id FROM organizations WHERE slug = 'government-of-venezuela'), 'President of Venezuela', NULL, NULL, false),
  ((SELECT id FROM speakers WHERE slug = 'jd-vance'), (SELECT id FROM organizations WHERE slug = 'united-states-government'), 'Vice President of the United States', NULL, NULL, false),
  ((SELECT id FROM speakers WHERE slug = 'pam-bondi'), (SELECT id FROM organizations WHERE slug = 'united-states-government'), 'Attorney General', NULL, NULL, false),
  ((SELECT id FROM speakers WHERE slug = 'pete-hegseth'), (SELECT id FROM organizations WHERE slug = 'us-department-of-defense'), 'Secretary of Defense', NULL, NULL, false),
  ((SELECT id FROM speakers WHERE slug = 'george-h-w-bush'), (SELECT id FROM organizations WHERE slug = 'united-states-government'), 'President of the United States', '1989-01-20', '1993-01-20', true),
  ((SELECT id FROM speakers WHERE slug = 'enrique-pena-nieto'), (SELECT id FROM organizations WHERE slug = 'government-of-mexico'), 'President of Mexico', '2012-12-01', '2018-11-30', true),
  ((SELECT id FROM speakers WHERE slug = 'joe-biden'), (SELECT id FROM organizations WHERE slug = 'united-states-government'), 'President of the United States', '2021-01-20', '2025-01-20', true);
--> statement-breakpoint
-- Events this seed defines, and who took part.
INSERT INTO events (slug, title, description, kind, date_start, date_end, date_precision, date_text, date_external, places) VALUES
  ('trump-orders-military-force-against-cartels', 'Trump orders the Pentagon to use military force against Latin American drug cartels', 'President Trump directs the Pentagon to begin using military force against certain Latin American drug cartels, as reported by the New York Times on August 8, 2025. The article does not say when the order was given.', 'ORDER', NULL, NULL, NULL, NULL, false, ARRAY['United States', 'Mexico']::text[]),
  ('new-york-times-reports-cartel-order', 'The New York Times reports Trump’s order to use military force against cartels', NULL, 'PUBLICATION', '2025-08-08', '2025-08-08', 'DAY', 'The August 8 report', false, ARRAY['United States']::text[]),
  ('us-troops-sent-to-mexico-border', 'Trump sends close to 10,000 troops to the US–Mexico border', NULL, 'DEPLOYMENT', NULL, NULL, NULL, NULL, false, ARRAY['US–Mexico border']::text[]),
  ('us-warships-patrol-mexican-coasts', 'The US sends two warships to patrol the coasts of Mexico', 'One warship in the Pacific Ocean, the other in the Gulf of Mexico: a use of naval force without precedent in US border security operations.', 'DEPLOYMENT', NULL, NULL, NULL, NULL, false, ARRAY['Pacific Ocean', 'Gulf of Mexico']::text[]),
  ('mexico-extradites-26-cartel-members', 'Mexico extradites 26 alleged cartel members to the US', NULL, 'EXTRADITION', '2025-08-12', '2025-08-12', 'DAY', 'on August 12', false, ARRAY['Mexico', 'United States']::text[]),
  ('mexico-hands-over-29-prisoners', 'Mexico turns over 29 prisoners to Washington for prosecution', '29 Mexican prisoners handed over to the United States for prosecution in federal courts.', 'EXTRADITION', '2025-02-01', '2025-02-28', 'MONTH', 'in February', false, ARRAY['Mexico', 'United States']::text[]),
  ('us-army-pursuit-of-pancho-villa', 'The US Army chases Pancho Villa into Mexico', 'The last time US troops entered Mexico, during the Mexican Revolution.', 'MILITARY_ACTION', '1916-01-01', '1916-12-31', 'YEAR', 'in 1916', false, ARRAY['Mexico']::text[]),
  ('mexican-revolution', 'The Mexican Revolution', 'The article names the revolution but not its dates; the 1910–1920 span is general knowledge, marked external.', 'OTHER', '1910-01-01', '1920-12-31', 'YEAR', 'the Mexican Revolution', true, ARRAY['Mexico']::text[]),
  ('us-designates-cartels-terrorist-organizations', 'The State Department designates cartels and gangs as foreign terrorist organizations', 'The six largest Mexican drug trafficking groups, Tren de Aragua and Mara Salvatrucha (MS-13) designated as foreign terrorist organizations.', 'DESIGNATION', '2025-02-01', '2025-02-28', 'MONTH', 'In February', false, ARRAY['United States']::text[]),
  ('us-designates-cartel-de-los-soles', 'The Trump administration adds the Cartel de los Soles to the terrorist list', '“Two weeks ago” before the article’s publication on August 15, 2025: around August 1.', 'DESIGNATION', '2025-07-29', '2025-08-04', 'APPROXIMATE', 'Two weeks ago', false, ARRAY['United States', 'Venezuela']::text[]),
  ('us-bounty-on-nicolas-maduro', 'The US places a $50 million bounty on Nicolás Maduro', NULL, 'SANCTION', NULL, NULL, NULL, NULL, false, ARRAY['United States', 'Venezuela']::text[]),
  ('venezuela-shoots-down-drug-planes', 'Venezuela shoots down 312 planes used by drug traffickers', 'As claimed by Caracas: 312 planes since 2012.', 'MILITARY_ACTION', '2012-01-01', '2025-08-15', 'YEAR', 'since 2012', false, ARRAY['Venezuela']::text[]),
  ('venezuela-seizes-51-tons-of-drugs', 'Venezuelan authorities seize 51 tons of drugs in 2025', 'As emphasized by Caracas: 51 tons seized “so far this year”, up to the week before the article.', 'SEIZURE', '2025-01-01', '2025-08-15', 'DAY', 'so far this year', false, ARRAY['Venezuela']::text[]),
  ('us-drone-surveillance-of-mexican-cartels', 'The US surveils Mexican drug cartels with drones and spy planes', 'Ongoing since Trump’s first term; the article gives no year, so 2017 (the start of that term) is marked external.', 'OPERATION', '2017-01-01', '2025-08-15', 'YEAR', 'since Trump''s first term', true, ARRAY['Mexico']::text[]),
  ('trump-first-term-plan-to-bomb-drug-labs', 'Trump wants to bomb drug labs in Mexico', 'In his first term; his defense secretary Mark T. Esper later called the idea ludicrous. The term’s years are general knowledge, marked external.', 'OTHER', '2017-01-01', '2021-12-31', 'YEAR', 'In his first term', true, ARRAY['Mexico']::text[]),
  ('us-invasion-of-panama', 'The US invades Panama to arrest Manuel Noriega', 'President George H.W. Bush sends more than 20,000 troops into Panama. The date is not in the article: December 20, 1989 is marked external.', 'INVASION', '1989-12-20', '1989-12-20', 'DAY', NULL, true, ARRAY['Panama']::text[]),
  ('us-indictment-of-manuel-noriega', 'Manuel Noriega is indicted in the US on drug trafficking charges', NULL, 'OTHER', NULL, NULL, NULL, NULL, false, ARRAY['United States']::text[]),
  ('un-general-assembly-condemns-panama-invasion', 'The UN General Assembly condemns the US invasion of Panama', 'The date is not in the article: December 29, 1989 is marked external.', 'CONDEMNATION', '1989-12-29', '1989-12-29', 'DAY', NULL, true, ARRAY['New York']::text[])
ON CONFLICT (slug) DO UPDATE SET
  title = EXCLUDED.title, description = EXCLUDED.description, kind = EXCLUDED.kind,
  date_start = EXCLUDED.date_start, date_end = EXCLUDED.date_end, date_precision = EXCLUDED.date_precision,
  date_text = EXCLUDED.date_text, date_external = EXCLUDED.date_external, places = EXCLUDED.places;
--> statement-breakpoint
DELETE FROM event_participants WHERE event_id IN (SELECT id FROM events WHERE slug IN ('trump-orders-military-force-against-cartels', 'new-york-times-reports-cartel-order', 'us-troops-sent-to-mexico-border', 'us-warships-patrol-mexican-coasts', 'mexico-extradites-26-cartel-members', 'mexico-hands-over-29-prisoners', 'us-army-pursuit-of-pancho-villa', 'mexican-revolution', 'us-designates-cartels-terrorist-organizations', 'us-designates-cartel-de-los-soles', 'us-bounty-on-nicolas-maduro', 'venezuela-shoots-down-drug-planes', 'venezuela-seizes-51-tons-of-drugs', 'us-drone-surveillance-of-mexican-cartels', 'trump-first-term-plan-to-bomb-drug-labs', 'us-invasion-of-panama', 'us-indictment-of-manuel-noriega', 'un-general-assembly-condemns-panama-invasion'));
--> statement-breakpoint
INSERT INTO event_participants (event_id, speaker_id, organization_id, role) VALUES
  ((SELECT id FROM events WHERE slug = 'trump-orders-military-force-against-cartels'), (SELECT id FROM speakers WHERE slug = 'donald-trump'), NULL, 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'trump-orders-military-force-against-cartels'), NULL, (SELECT id FROM organizations WHERE slug = 'us-department-of-defense'), 'SUBJECT'),
  ((SELECT id FROM events WHERE slug = 'trump-orders-military-force-against-cartels'), NULL, (SELECT id FROM organizations WHERE slug = 'sinaloa-cartel'), 'TARGET'),
  ((SELECT id FROM events WHERE slug = 'trump-orders-military-force-against-cartels'), NULL, (SELECT id FROM organizations WHERE slug = 'jalisco-new-generation-cartel'), 'TARGET'),
  ((SELECT id FROM events WHERE slug = 'trump-orders-military-force-against-cartels'), NULL, (SELECT id FROM organizations WHERE slug = 'cartel-del-noreste'), 'TARGET'),
  ((SELECT id FROM events WHERE slug = 'trump-orders-military-force-against-cartels'), NULL, (SELECT id FROM organizations WHERE slug = 'gulf-cartel'), 'TARGET'),
  ((SELECT id FROM events WHERE slug = 'trump-orders-military-force-against-cartels'), NULL, (SELECT id FROM organizations WHERE slug = 'nueva-familia-michoacana'), 'TARGET'),
  ((SELECT id FROM events WHERE slug = 'new-york-times-reports-cartel-order'), NULL, (SELECT id FROM organizations WHERE slug = 'new-york-times'), 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'new-york-times-reports-cartel-order'), (SELECT id FROM speakers WHERE slug = 'donald-trump'), NULL, 'SUBJECT'),
  ((SELECT id FROM events WHERE slug = 'new-york-times-reports-cartel-order'), NULL, (SELECT id FROM organizations WHERE slug = 'us-department-of-defense'), 'SUBJECT'),
  ((SELECT id FROM events WHERE slug = 'us-troops-sent-to-mexico-border'), (SELECT id FROM speakers WHERE slug = 'donald-trump'), NULL, 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'us-troops-sent-to-mexico-border'), NULL, (SELECT id FROM organizations WHERE slug = 'united-states-armed-forces'), 'SUBJECT'),
  ((SELECT id FROM events WHERE slug = 'us-warships-patrol-mexican-coasts'), NULL, (SELECT id FROM organizations WHERE slug = 'united-states-government'), 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'mexico-extradites-26-cartel-members'), (SELECT id FROM speakers WHERE slug = 'claudia-sheinbaum'), NULL, 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'mexico-extradites-26-cartel-members'), NULL, (SELECT id FROM organizations WHERE slug = 'government-of-mexico'), 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'mexico-extradites-26-cartel-members'), NULL, (SELECT id FROM organizations WHERE slug = 'united-states-government'), 'PARTNER'),
  ((SELECT id FROM events WHERE slug = 'mexico-hands-over-29-prisoners'), NULL, (SELECT id FROM organizations WHERE slug = 'government-of-mexico'), 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'mexico-hands-over-29-prisoners'), NULL, (SELECT id FROM organizations WHERE slug = 'united-states-government'), 'PARTNER'),
  ((SELECT id FROM events WHERE slug = 'us-army-pursuit-of-pancho-villa'), NULL, (SELECT id FROM organizations WHERE slug = 'us-army'), 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'us-army-pursuit-of-pancho-villa'), (SELECT id FROM speakers WHERE slug = 'pancho-villa'), NULL, 'TARGET'),
  ((SELECT id FROM events WHERE slug = 'mexican-revolution'), (SELECT id FROM speakers WHERE slug = 'pancho-villa'), NULL, 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'us-designates-cartels-terrorist-organizations'), NULL, (SELECT id FROM organizations WHERE slug = 'us-department-of-state'), 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'us-designates-cartels-terrorist-organizations'), NULL, (SELECT id FROM organizations WHERE slug = 'tren-de-aragua'), 'TARGET'),
  ((SELECT id FROM events WHERE slug = 'us-designates-cartels-terrorist-organizations'), NULL, (SELECT id FROM organizations WHERE slug = 'mara-salvatrucha'), 'TARGET'),
  ((SELECT id FROM events WHERE slug = 'us-designates-cartel-de-los-soles'), NULL, (SELECT id FROM organizations WHERE slug = 'trump-administration'), 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'us-designates-cartel-de-los-soles'), NULL, (SELECT id FROM organizations WHERE slug = 'cartel-de-los-soles'), 'TARGET'),
  ((SELECT id FROM events WHERE slug = 'us-bounty-on-nicolas-maduro'), NULL, (SELECT id FROM organizations WHERE slug = 'trump-administration'), 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'us-bounty-on-nicolas-maduro'), (SELECT id FROM speakers WHERE slug = 'nicolas-maduro'), NULL, 'TARGET'),
  ((SELECT id FROM events WHERE slug = 'venezuela-shoots-down-drug-planes'), NULL, (SELECT id FROM organizations WHERE slug = 'government-of-venezuela'), 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'venezuela-seizes-51-tons-of-drugs'), NULL, (SELECT id FROM organizations WHERE slug = 'government-of-venezuela'), 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'us-drone-surveillance-of-mexican-cartels'), NULL, (SELECT id FROM organizations WHERE slug = 'united-states-government'), 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'us-drone-surveillance-of-mexican-cartels'), NULL, (SELECT id FROM organizations WHERE slug = 'government-of-mexico'), 'PARTNER'),
  ((SELECT id FROM events WHERE slug = 'trump-first-term-plan-to-bomb-drug-labs'), (SELECT id FROM speakers WHERE slug = 'donald-trump'), NULL, 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'trump-first-term-plan-to-bomb-drug-labs'), (SELECT id FROM speakers WHERE slug = 'mark-esper'), NULL, 'OBSERVER'),
  ((SELECT id FROM events WHERE slug = 'us-invasion-of-panama'), (SELECT id FROM speakers WHERE slug = 'george-h-w-bush'), NULL, 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'us-invasion-of-panama'), NULL, (SELECT id FROM organizations WHERE slug = 'united-states-armed-forces'), 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'us-invasion-of-panama'), (SELECT id FROM speakers WHERE slug = 'manuel-noriega'), NULL, 'TARGET'),
  ((SELECT id FROM events WHERE slug = 'us-indictment-of-manuel-noriega'), NULL, (SELECT id FROM organizations WHERE slug = 'united-states-government'), 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'us-indictment-of-manuel-noriega'), (SELECT id FROM speakers WHERE slug = 'manuel-noriega'), NULL, 'SUBJECT'),
  ((SELECT id FROM events WHERE slug = 'un-general-assembly-condemns-panama-invasion'), NULL, (SELECT id FROM organizations WHERE slug = 'united-nations-general-assembly'), 'ACTOR'),
  ((SELECT id FROM events WHERE slug = 'un-general-assembly-condemns-panama-invasion'), NULL, (SELECT id FROM organizations WHERE slug = 'united-states-government'), 'TARGET');
--> statement-breakpoint
-- Paragraphs: offsets are UTF-16 code units into the body.
INSERT INTO article_paragraphs (article_id, position, start_offset, end_offset)
SELECT a.id, v.position, v.start_offset, v.end_offset
FROM articles a, (VALUES
  (0, 0, 239),
  (1, 241, 402),
  (2, 404, 592),
  (3, 594, 993),
  (4, 995, 1294),
  (5, 1296, 1438),
  (6, 1440, 1642),
  (7, 1644, 1902),
  (8, 1904, 2263),
  (9, 2265, 2519),
  (10, 2521, 2811),
  (11, 2813, 3123),
  (12, 3125, 3587),
  (13, 3589, 3922),
  (14, 3924, 4298),
  (15, 4300, 4885),
  (16, 4887, 5336),
  (17, 5338, 5704),
  (18, 5706, 5917),
  (19, 5919, 6210),
  (20, 6212, 6541),
  (21, 6543, 6875),
  (22, 6877, 7195),
  (23, 7197, 7434),
  (24, 7436, 7696),
  (25, 7698, 7974),
  (26, 7976, 8193),
  (27, 8195, 8305),
  (28, 8307, 8658),
  (29, 8660, 9060),
  (30, 9062, 9322),
  (31, 9324, 9627),
  (32, 9629, 9961),
  (33, 9963, 10066),
  (34, 10068, 10370)
) AS v(position, start_offset, end_offset)
WHERE a.slug = 'trump-orders-pentagon-military-force-cartels';
--> statement-breakpoint
-- Whom and what the article names.
INSERT INTO article_speakers (article_id, speaker_id, mention)
SELECT a.id, (SELECT x.id FROM speakers x WHERE x.slug = v.slug), v.mention
FROM articles a, (VALUES
  ('donald-trump', 'President Donald Trump'),
  ('claudia-sheinbaum', 'Mexican President Claudia Sheinbaum'),
  ('ronald-johnson', 'US Ambassador to Mexico Ronald Johnson'),
  ('todd-robinson', 'Todd Robinson'),
  ('gustavo-petro', 'Colombia’s President Gustavo Petro'),
  ('mark-esper', 'Mark T. Esper'),
  ('james-e-mcpherson', 'Rear Adm. James E. McPherson (ret)'),
  ('marco-rubio', 'US Secretary of State Marco Rubio'),
  ('stephen-miller', 'Trump''s immigration adviser, the fascist Stephen Miller'),
  ('vito-hernandez-ochoa', 'Mexican security analyst Vito Hernández Ochoa'),
  ('new-york-times', 'the New York Times'),
  ('us-department-of-state', 'Trump’s State Department'),
  ('trump-administration', 'the Trump administration'),
  ('government-of-venezuela', 'Caracas'),
  ('united-nations-general-assembly', 'The United Nations General Assembly'),
  ('us-officials', 'US officials'),
  ('mexican-officials', 'Mexican officials'),
  ('maga-circles', 'MAGA circles'),
  ('pancho-villa', 'the Mexican revolutionary Pancho Villa'),
  ('nicolas-maduro', 'President Nicolás Maduro of Venezuela'),
  ('jd-vance', 'Vice President Vance'),
  ('pam-bondi', 'Attorney General Pam Bondi'),
  ('pete-hegseth', 'Defense Secretary Pete Hegseth'),
  ('george-h-w-bush', 'President George H.W. Bush'),
  ('manuel-noriega', 'President Manuel Noriega'),
  ('enrique-pena-nieto', 'Mexican President Enrique Peña Nieto'),
  ('joe-biden', 'Biden')
) AS v(slug, mention)
WHERE a.slug = 'trump-orders-pentagon-military-force-cartels';
--> statement-breakpoint
INSERT INTO article_organizations (article_id, organization_id, mention)
SELECT a.id, (SELECT x.id FROM organizations x WHERE x.slug = v.slug), v.mention
FROM articles a, (VALUES
  ('united-states-government', 'Washington'),
  ('trump-administration', 'the Trump administration'),
  ('biden-administration', 'the Biden administration'),
  ('us-department-of-defense', 'the Pentagon'),
  ('us-department-of-state', 'Trump’s State Department'),
  ('united-states-armed-forces', 'the US military'),
  ('us-army', 'the US Army'),
  ('us-navy', 'the Navy'),
  ('united-states-congress', 'Congress'),
  ('democratic-party', 'Democratic Party leaders'),
  ('new-york-times', 'the New York Times'),
  ('government-of-mexico', 'the Mexican government'),
  ('morena', 'the ruling MORENA party'),
  ('el-universal', 'El Universal'),
  ('latin-american-institute-for-strategic-studies', 'the Latin American Institute for Strategic Studies'),
  ('government-of-venezuela', 'Caracas'),
  ('government-of-colombia', NULL),
  ('united-nations', 'The United Nations'),
  ('united-nations-general-assembly', 'The United Nations General Assembly'),
  ('international-committee-of-the-fourth-international', 'the International Committee of the Fourth International'),
  ('sinaloa-cartel', 'the Sinaloa Cartel'),
  ('jalisco-new-generation-cartel', 'the Jalisco New Generation Cartel'),
  ('cartel-del-noreste', 'the Cartel del Noreste'),
  ('gulf-cartel', 'the Gulf Cartel'),
  ('nueva-familia-michoacana', 'the Nueva Familia Michoacana'),
  ('tren-de-aragua', 'Tren de Aragua of Venezuela'),
  ('mara-salvatrucha', 'Mara Salvatrucha of El Salvador (known as MS-13)'),
  ('cartel-de-los-soles', 'the Venezuelan Cartel de los Soles, or Cartel of the Suns')
) AS v(slug, mention)
WHERE a.slug = 'trump-orders-pentagon-military-force-cartels';
--> statement-breakpoint
INSERT INTO article_events (article_id, event_id, sentence, start_offset, end_offset)
SELECT a.id, (SELECT e.id FROM events e WHERE e.slug = v.slug), v.sentence, v.start_offset, v.end_offset
FROM articles a, (VALUES
  ('trump-orders-military-force-against-cartels', 'Citing anonymous sources, the New York Times reports that President Donald Trump has ordered the Pentagon to “begin using military force against certain Latin American drug cartels,” claiming they threaten the peace and security of the US.', 0, 239),
  ('new-york-times-reports-cartel-order', 'The August 8 report did not say whether specific strikes have been suggested to the Pentagon, although these plans are already being drawn up by military officials, according to the Times.', 404, 592),
  ('us-troops-sent-to-mexico-border', 'although Trump has already sent close to 10,000 troops to the border', 924, 992),
  ('us-warships-patrol-mexican-coasts', 'But the US has already sent two warships to patrol the coasts of Mexico—one in the Pacific Ocean, the other in the Gulf of Mexico—a use of naval force without precedent in US border security operations.', 1440, 1642),
  ('mexico-extradites-26-cartel-members', 'Sheinbaum also ordered the extradition on August 12 of 26 alleged cartel members to the US.', 2265, 2356),
  ('mexico-hands-over-29-prisoners', 'This follows the turning over of 29 Mexican prisoners to Washington in February for prosecution in federal courts.', 2357, 2471),
  ('us-army-pursuit-of-pancho-villa', 'US troops in fact have not entered Mexico since the US Army chased the Mexican revolutionary Pancho Villa during the Mexican Revolution in 1916.', 3125, 3269),
  ('mexican-revolution', 'during the Mexican Revolution in 1916', 3231, 3268),
  ('us-designates-cartels-terrorist-organizations', 'In February, Trump’s State Department designated the six largest Mexican drug trafficking groups as foreign terrorist organizations, along with Tren de Aragua of Venezuela and Mara Salvatrucha of El Salvador (known as MS-13), saying that they constituted “a national-security threat beyond that posed by traditional organized crime.”', 3589, 3922),
  ('us-designates-cartel-de-los-soles', 'Two weeks ago, the Trump administration added to that list the Venezuelan Cartel de los Soles, or Cartel of the Suns, which it alleges works with Mexico’s Sinaloa Cartel.', 4300, 4470),
  ('us-bounty-on-nicolas-maduro', 'The administration asserted that this cartel is headed by President Nicolás Maduro of Venezuela, on whom it has placed a $50 million bounty, and other high-ranking military officials in his administration.', 4471, 4676),
  ('venezuela-shoots-down-drug-planes', 'Caracas claims it has shot down 312 planes used by drug traffickers since 2012', 4887, 4965),
  ('venezuela-seizes-51-tons-of-drugs', 'Venezuelan authorities have seized 51 tons of drugs so far this year', 4996, 5064),
  ('us-drone-surveillance-of-mexican-cartels', 'The US has been using drones and spy planes since Trump''s first term to surveil Mexican drug cartels', 5338, 5438),
  ('trump-first-term-plan-to-bomb-drug-labs', 'In his first term, Trump wanted to bomb drug labs in Mexico.', 5706, 5766),
  ('us-invasion-of-panama', 'International law did not, however, deter the US when President George H.W. Bush sent more than 20,000 troops into Panama to arrest President Manuel Noriega, who had been indicted in the US on charges of drug trafficking.', 6212, 6433),
  ('us-indictment-of-manuel-noriega', 'who had been indicted in the US on charges of drug trafficking', 6370, 6432),
  ('un-general-assembly-condemns-panama-invasion', 'The United Nations General Assembly condemned that invasion as a "flagrant violation of international law."', 6434, 6541)
) AS v(slug, sentence, start_offset, end_offset)
WHERE a.slug = 'trump-orders-pentagon-military-force-cartels';
--> statement-breakpoint
-- Quotes, in article order; published_on is the article's.
INSERT INTO quotes (article_id, speaker_id, kind, text, speaker_description, verb, channel,
  said_start, said_end, said_precision, said_text, published_on, paragraph, start_offset, end_offset)
SELECT a.id, (SELECT s.id FROM speakers s WHERE s.slug = v.speaker), v.kind::quote_kind, v.text,
  v.speaker_description, v.verb, v.channel, v.said_start::date, v.said_end::date,
  v.said_precision::date_precision, v.said_text, a.published_on, v.paragraph, v.start_offset, v.end_offset
FROM articles a, (VALUES
  ('new-york-times', 'INDIRECT', 'President Donald Trump has ordered the Pentagon to begin using military force against certain Latin American drug cartels', NULL, 'reports', NULL, NULL, NULL, NULL, NULL, 0, 26, 182),
  ('new-york-times', 'PARTIAL', 'begin using military force against certain Latin American drug cartels', NULL, 'reports', NULL, NULL, NULL, NULL, NULL, 0, 110, 180),
  ('donald-trump', 'INDIRECT', 'The cartels threaten the peace and security of the US.', 'President', 'claiming', NULL, NULL, NULL, NULL, NULL, 0, 183, 238),
  ('new-york-times', 'INDIRECT', 'Plans for strikes are already being drawn up by military officials.', NULL, 'according to', NULL, NULL, NULL, NULL, NULL, 2, 507, 591),
  ('claudia-sheinbaum', 'DIRECT', 'We were informed that this executive order was coming and that it had nothing to do with the participation of any military personnel or any institution in our territory', 'Mexican President', 'said', NULL, NULL, NULL, NULL, NULL, 3, 664, 832),
  ('claudia-sheinbaum', 'INDIRECT', 'The directive referred exclusively to actions within US territory.', NULL, 'adding', NULL, NULL, NULL, NULL, NULL, 3, 845, 922),
  ('claudia-sheinbaum', 'DIRECT', 'No', NULL, 'said', NULL, NULL, NULL, NULL, NULL, 4, 996, 998),
  ('claudia-sheinbaum', 'DIRECT', 'absolutely not. The United States is not going to send its military into Mexico. We cooperate, we collaborate, but there will be no invasion. That’s ruled out ... because, in addition to what we’ve stated in all our conversations, it’s not allowed, nor is it part of any agreement.', NULL, 'said', NULL, NULL, NULL, NULL, NULL, 4, 1012, 1293),
  ('new-york-times', 'INDIRECT', 'The directive authorized military use abroad, on land and sea.', NULL, 'reporting', NULL, NULL, NULL, NULL, NULL, 5, 1313, 1400),
  ('claudia-sheinbaum', 'INDIRECT', 'The directive did not authorize military use abroad, on land and sea.', NULL, 'dismissed', NULL, NULL, NULL, NULL, NULL, 5, 1402, 1437),
  ('claudia-sheinbaum', 'INDIRECT', 'She had not seen the directive.', NULL, 'suggesting', NULL, NULL, NULL, NULL, NULL, 7, 1729, 1770),
  ('claudia-sheinbaum', 'DIRECT', 'Well, we’ll have to see how the executive order is [written]', NULL, 'said', NULL, NULL, NULL, NULL, NULL, 7, 1773, 1833),
  ('claudia-sheinbaum', 'DIRECT', 'but there’s no risk that they’ll invade our territory.', NULL, 'said', NULL, NULL, NULL, NULL, NULL, 7, 1847, 1901),
  ('claudia-sheinbaum', 'PARTIAL', 'lot of work has been done to reduce homicides, and the flow of fentanyl across the border has been reduced by 50 percent', NULL, 'emphasized', NULL, NULL, NULL, NULL, NULL, 8, 1933, 2053),
  ('ronald-johnson', 'INDIRECT', 'The flow of fentanyl across the border has been reduced by 50 percent.', 'US Ambassador to Mexico', 'confirmed', NULL, NULL, NULL, NULL, NULL, 8, 2056, 2114),
  ('ronald-johnson', 'INDIRECT', 'The collaboration of Sheinbaum and Trump resulted in cartels going bankrupt.', NULL, 'said', 'a post on X', NULL, NULL, NULL, NULL, 8, 2116, 2210),
  ('ronald-johnson', 'PARTIAL', 'going bankrupt and our countries are safer for it.', NULL, 'said', 'a post on X', NULL, NULL, NULL, NULL, 8, 2212, 2262),
  ('us-officials', 'INDIRECT', 'Mexico’s relations with the US were on the upswing.', NULL, 'believed', NULL, NULL, NULL, NULL, NULL, 10, 2546, 2632),
  ('ronald-johnson', 'INDIRECT', 'The greatly reduced drug flow and border crossings were due to a secure border and increased collaboration between the US and Mexico.', 'US ambassador', 'said', NULL, '2025-07-01', '2025-07-31', 'MONTH', 'in July', 10, 2634, 2729),
  ('ronald-johnson', 'PARTIAL', 'due to a secure border', 'US ambassador', 'said', NULL, '2025-07-01', '2025-07-31', 'MONTH', 'in July', 10, 2731, 2753),
  ('ronald-johnson', 'PARTIAL', 'increased collaboration between the US and Mexico.', 'US ambassador', 'said', NULL, '2025-07-01', '2025-07-31', 'MONTH', 'in July', 10, 2760, 2810),
  ('todd-robinson', 'INDIRECT', 'US–Mexico collaboration will vanish with an invasion.', 'the assistant secretary of state for international narcotics and law enforcement affairs in the Biden administration', 'according to', NULL, NULL, NULL, NULL, NULL, 11, 2967, 3014),
  ('todd-robinson', 'DIRECT', 'If the US does this without Mexico’s consent, it will set the relationship back a hundred years', 'the assistant secretary of state for international narcotics and law enforcement affairs in the Biden administration', 'said', NULL, NULL, NULL, NULL, NULL, 11, 3017, 3112),
  ('us-department-of-state', 'PARTIAL', 'a national-security threat beyond that posed by traditional organized crime.', 'Trump’s State Department', 'saying', NULL, '2025-02-01', '2025-02-28', 'MONTH', 'In February', 13, 3845, 3921),
  ('trump-administration', 'INDIRECT', 'The Cartel de los Soles works with Mexico’s Sinaloa Cartel.', NULL, 'alleges', NULL, NULL, NULL, NULL, NULL, 15, 4418, 4469),
  ('trump-administration', 'INDIRECT', 'The Cartel de los Soles is headed by President Nicolás Maduro of Venezuela and other high-ranking military officials in his administration.', NULL, 'asserted', NULL, NULL, NULL, NULL, NULL, 15, 4471, 4566),
  ('government-of-venezuela', 'INDIRECT', 'Venezuela has shot down 312 planes used by drug traffickers since 2012.', NULL, 'claims', NULL, NULL, NULL, NULL, NULL, 16, 4887, 4965),
  ('government-of-venezuela', 'INDIRECT', 'Venezuelan authorities have seized 51 tons of drugs so far this year.', NULL, 'emphasized', NULL, '2025-08-04', '2025-08-10', 'APPROXIMATE', 'last week', 16, 4970, 5064),
  ('gustavo-petro', 'INDIRECT', 'Venezuela collaborates in counter-narcotics operations.', 'Colombia’s President', 'stressing', 'a statement', NULL, NULL, NULL, NULL, 16, 5113, 5199),
  ('gustavo-petro', 'INDIRECT', 'Any US military action against Venezuela would be treated as an aggression against Latin America and the Caribbean.', 'Colombia’s President', 'warning', 'a statement', NULL, NULL, NULL, NULL, 16, 5204, 5279),
  ('gustavo-petro', 'PARTIAL', 'an aggression against Latin America and the Caribbean.', 'Colombia’s President', 'warning', 'a statement', NULL, NULL, NULL, NULL, 16, 5281, 5335),
  ('claudia-sheinbaum', 'PARTIAL', 'part of a coordinated operation between the US and Mexican governments.', NULL, 'said', NULL, NULL, NULL, NULL, NULL, 17, 5475, 5546),
  ('us-officials', 'INDIRECT', 'Drone flights over Mexico have hunted for fentanyl labs.', NULL, 'according to', NULL, NULL, NULL, NULL, NULL, 17, 5548, 5629),
  ('mark-esper', 'INDIRECT', 'The idea of bombing drug labs in Mexico was ludicrous.', 'His defense secretary at the time', 'portrayed', 'his memoir', NULL, NULL, NULL, NULL, 18, 5817, 5868),
  ('mexican-officials', 'INDIRECT', 'Mexican officials were outraged by the idea of bombing drug labs in Mexico.', NULL, 'claimed', NULL, NULL, NULL, NULL, NULL, 18, 5876, 5916),
  ('james-e-mcpherson', 'INDIRECT', 'Using military force in another country’s territory without its government’s consent, absent criteria not present here, would be a major breach of international law.', 'Rear Adm. (ret), who served as the top uniformed lawyer for the Navy in the early 2000s', 'according to', NULL, NULL, NULL, NULL, NULL, 19, 6040, 6209),
  ('james-e-mcpherson', 'PARTIAL', 'a major breach of international law', 'Rear Adm. (ret), who served as the top uniformed lawyer for the Navy in the early 2000s', 'according to', NULL, NULL, NULL, NULL, NULL, 19, 6053, 6088),
  ('united-nations-general-assembly', 'PARTIAL', 'flagrant violation of international law.', NULL, 'condemned', NULL, NULL, NULL, NULL, NULL, 20, 6500, 6540),
  ('marco-rubio', 'INDIRECT', 'The administration has the right to use other elements of American power to target these groups.', 'US Secretary of State', 'claiming', NULL, NULL, NULL, NULL, NULL, 21, 6548, 6620),
  ('marco-rubio', 'PARTIAL', 'to use other elements of American power, intelligence agencies, the Department of Defense, whatever, to target these groups if we have an opportunity to do it.', 'US Secretary of State', 'claiming', NULL, NULL, NULL, NULL, NULL, 21, 6622, 6781),
  ('jd-vance', 'INDIRECT', 'The US should intervene directly against the cartels in Mexico.', 'Vice President', 'pushing', NULL, NULL, NULL, NULL, NULL, 22, 7009, 7075),
  ('pam-bondi', 'INDIRECT', 'The US should intervene directly against the cartels in Mexico.', 'Attorney General', 'pushing', NULL, NULL, NULL, NULL, NULL, 22, 7009, 7075),
  ('pete-hegseth', 'INDIRECT', 'The US should intervene directly against the cartels in Mexico.', 'Defense Secretary', 'pushing', NULL, NULL, NULL, NULL, NULL, 22, 7009, 7075),
  ('maga-circles', 'INDIRECT', 'Mexico is a US adversary along the lines of Iran, China or North Korea.', NULL, 'denounced', NULL, NULL, NULL, NULL, NULL, 22, 7077, 7194),
  ('stephen-miller', 'INDIRECT', 'Using the military against cartels in Mexico would damage the cooperation of the Mexican government needed to stifle migration.', 'Trump''s immigration adviser', 'opposes', NULL, NULL, NULL, NULL, NULL, 23, 7267, 7330),
  ('vito-hernandez-ochoa', 'INDIRECT', 'US military intervention in Mexico is imminent.', 'Mexican security analyst', 'warned', 'El Universal', NULL, NULL, NULL, NULL, 25, 7897, 7962),
  ('vito-hernandez-ochoa', 'PARTIAL', 'imminent.', 'Mexican security analyst', 'warned', 'El Universal', NULL, NULL, NULL, NULL, 25, 7964, 7973),
  ('donald-trump', 'INDIRECT', 'Sending kill teams to take out cartel leaders.', NULL, 'floated', NULL, NULL, NULL, NULL, NULL, 27, 8236, 8304)
) AS v(speaker, kind, text, speaker_description, verb, channel, said_start, said_end, said_precision, said_text,
  paragraph, start_offset, end_offset)
WHERE a.slug = 'trump-orders-pentagon-military-force-cartels';
--> statement-breakpoint
-- Entities remembered above that nothing uses any more.
DELETE FROM events e
WHERE e.id IN (SELECT id FROM pg_temp.verbatim_previous_links WHERE kind = 'event')
  AND NOT EXISTS (SELECT 1 FROM article_events ae WHERE ae.event_id = e.id);
--> statement-breakpoint
DELETE FROM speakers s
WHERE s.id IN (SELECT id FROM pg_temp.verbatim_previous_links WHERE kind = 'speaker')
  AND NOT EXISTS (SELECT 1 FROM article_speakers x WHERE x.speaker_id = s.id)
  AND NOT EXISTS (SELECT 1 FROM quotes x WHERE x.speaker_id = s.id)
  AND NOT EXISTS (SELECT 1 FROM event_participants x WHERE x.speaker_id = s.id);
--> statement-breakpoint
DELETE FROM organizations o
WHERE o.id IN (SELECT id FROM pg_temp.verbatim_previous_links WHERE kind = 'organization')
  AND o.id NOT IN (
    WITH RECURSIVE kept(id) AS (
      SELECT id FROM organizations WHERE id NOT IN (SELECT id FROM pg_temp.verbatim_previous_links WHERE kind = 'organization')
      UNION SELECT organization_id FROM article_organizations
      UNION SELECT organization_id FROM event_participants WHERE organization_id IS NOT NULL
      UNION SELECT organization_id FROM speakers WHERE organization_id IS NOT NULL
      UNION SELECT organization_id FROM speaker_roles
      UNION SELECT p.parent_id FROM organizations p JOIN kept k ON p.id = k.id WHERE p.parent_id IS NOT NULL
    )
    SELECT id FROM kept
  );
--> statement-breakpoint
DROP TABLE pg_temp.verbatim_previous_links;
