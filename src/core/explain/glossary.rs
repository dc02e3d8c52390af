//! The glossary: a plain-language definition of every term the app shows.
//!
//! Every crime category of the committed category table
//! ([`categories::PLAIN`](crate::crime::categories::PLAIN)), every stop-and-search
//! [`Dimension`] and each of its values, and the words the app uses for its
//! figures (rates, shares, changes, suppressed and unpublished counts, releases
//! and revisions). Each [`Term`] says what it means, what is counted and what
//! is not (and where that is counted instead), next to the publisher's own
//! spelling of the term.
//!
//! The definitions are written in our own words, following the Home Office
//! Counting Rules for recorded crime as the Met's "MPS Recorded Crime:
//! Geographic Breakdown" uses them, and police.uk's stop-and-search fields.
//! The tests fail when a category id or a stop-and-search dimension or value
//! arrives without a definition here, so a new one is never shown unexplained.
//!
//! `prepare` publishes [`TERMS`] as [`FILE`] beside the figures: the app loads
//! it when a definition is first asked for (so the text is not in its code),
//! and anyone can reuse it.

use crate::stops::stop_search::Dimension;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The glossary's file among the app's data files.
pub const FILE: &str = "glossary.json";

/// Text of a term: borrowed in [`TERMS`], owned when read from [`FILE`].
pub type Text = Cow<'static, str>;

/// Which part of the glossary a term belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    Crime,
    StopSearch,
    Data,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::Crime, Section::StopSearch, Section::Data];

    /// A heading for the glossary page.
    pub fn title(self) -> &'static str {
        match self {
            Section::Crime => "Crime categories",
            Section::StopSearch => "Stop and search",
            Section::Data => "Figures and terms",
        }
    }

    /// A token for URLs and element ids.
    pub fn token(self) -> &'static str {
        match self {
            Section::Crime => "crime",
            Section::StopSearch => "stops",
            Section::Data => "data",
        }
    }
}

/// One defined term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    /// A stable id: for crime, the category id (`burglary`,
    /// `burglary/res-burglary-of-a-home`, `all`); for stop and search
    /// `stops/<dimension token>` for a dimension and
    /// `stops/<dimension token>/<value id>` for a value ([`dimension_id`],
    /// [`value_id`]); for data terms `data/<slug>`.
    pub id: Text,
    pub section: Section,
    /// The name the app shows: for crime, the official name in sentence case
    /// with abbreviations written out; for stop and search, the dimension's
    /// [`label`](Dimension::label) or the value's label.
    pub name: Text,
    /// The publisher's own term, exactly as published: for crime, the name in
    /// the newest MPS file; for stop and search, the police.uk column or value;
    /// "" when the term is ours, or a value groups several published labels.
    pub official: Text,
    /// What it means, in one or two plain sentences.
    pub means: Text,
    /// What is counted ("" only for data terms).
    pub counted: Text,
    /// What is not counted, and where it is counted instead ("" only for data terms).
    pub not_counted: Text,
}

/// One term of a section (the table below reads better with the section first).
const fn entry(
    section: Section,
    id: &'static str,
    name: &'static str,
    official: &'static str,
    means: &'static str,
    counted: &'static str,
    not_counted: &'static str,
) -> Term {
    Term {
        id: Cow::Borrowed(id),
        section,
        name: Cow::Borrowed(name),
        official: Cow::Borrowed(official),
        means: Cow::Borrowed(means),
        counted: Cow::Borrowed(counted),
        not_counted: Cow::Borrowed(not_counted),
    }
}

/// Every term: crime categories in the order of the category table, then each
/// stop-and-search dimension followed by its values, then the data terms.
pub const TERMS: &[Term] = &[
    // Crime categories.
    entry(
        Section::Crime,
        "all",
        "All crimes",
        "",
        "Every crime the Met recorded: offences reported to or found by the police and recorded under the Home \
         Office Counting Rules, the national rules for what counts as a crime and in which category.",
        "Every category below, added up. London's total also includes offences the Met could not place in a \
         borough and offences at Heathrow and London City airports.",
        "Crime never reported, or not recorded as a crime; most fraud, which is reported to Action Fraud; the City \
         of London, which has its own police force; and crime on the railways, recorded by British Transport Police.",
    ),
    entry(
        Section::Crime,
        "arson-and-criminal-damage",
        "Arson and criminal damage",
        "ARSON AND CRIMINAL DAMAGE",
        "Damaging or destroying property that belongs to someone else, on purpose or recklessly, including by fire.",
        "Arson and criminal damage: damage to homes, other buildings, vehicles and other property, including \
         graffiti.",
        "Accidental damage. Threatening to damage property is a miscellaneous crime against society. Where damage \
         is part of a more serious crime, such as a burglary, usually only that crime is counted.",
    ),
    entry(
        Section::Crime,
        "arson-and-criminal-damage/arson",
        "Arson",
        "ARSON",
        "Damaging or destroying property by setting fire to it, on purpose or recklessly.",
        "Fires set to buildings, vehicles or other property, whether or not anyone's life was put at risk.",
        "Accidental fires. Damage done without fire (criminal damage).",
    ),
    entry(
        Section::Crime,
        "arson-and-criminal-damage/criminal-damage",
        "Criminal damage",
        "CRIMINAL DAMAGE",
        "Damaging or destroying someone else's property, on purpose or recklessly, without a lawful excuse.",
        "Damage to homes, other buildings, vehicles and other property, such as smashed windows, vandalism and \
         graffiti.",
        "Damage by fire (arson). Threats to damage property (miscellaneous crimes against society). Damage done \
         while breaking in to steal is usually counted as the burglary or vehicle crime instead.",
    ),
    entry(
        Section::Crime,
        "burglary",
        "Burglary",
        "BURGLARY",
        "Entering a building, or part of one, as a trespasser to steal, to seriously hurt someone or to cause \
         damage, or doing any of these after getting in. Attempts count too.",
        "Burglary of homes, of sheds and garages on a home's land, and of shops, offices and other buildings, \
         including burglary by someone carrying a weapon.",
        "Theft in a shop while it is open (shoplifting). Theft from a vehicle (vehicle offences). Stealing by force \
         or threat (robbery).",
    ),
    entry(
        Section::Crime,
        "burglary/burglary-business-and-community",
        "Business and community burglary",
        "BURGLARY BUSINESS AND COMMUNITY",
        "Burglary of a building that is not a home and does not belong to one.",
        "Shops, offices, factories, warehouses, schools, places of worship, community centres and other buildings \
         that are not homes.",
        "Homes, and the sheds and garages on their land (residential burglary). Theft from a shop while it is open \
         (shoplifting).",
    ),
    entry(
        Section::Crime,
        "burglary/burglary-in-a-dwelling",
        "Burglary in a dwelling",
        "BURGLARY IN A DWELLING",
        "Burglary of a home. The Met's files use this name for months up to December 2023; from January 2024 they \
         split it into residential burglary of a home and of an unconnected building.",
        "Burglary of homes, in the months up to December 2023.",
        "Months from January 2024 (the two residential burglary categories). Buildings that are not homes \
         (business and community burglary). Compare across the change with care.",
    ),
    entry(
        Section::Crime,
        "burglary/burglary-non-dwelling",
        "Burglary, non-dwelling",
        "BURGLARY NON-DWELLING",
        "An older name for burglary of a building that is not a home. The Met's files since 2023 still list it, \
         with no offences in the months this app has read.",
        "Burglary of buildings that are not homes, where the Met still uses this older name.",
        "Almost all burglary of buildings that are not homes, which is business and community burglary.",
    ),
    entry(
        Section::Crime,
        "burglary/burglary-residential",
        "Residential burglary",
        "BURGLARY - RESIDENTIAL",
        "Burglary of a home, or of a shed, garage or other building on its land, as one category. The Met's files \
         since 2023 list it, but almost all such burglaries are in the two newer categories.",
        "Residential burglaries the Met did not put in either newer category: very few.",
        "Burglary of homes from January 2024 (residential burglary of a home, or of an unconnected building) and \
         before then (burglary in a dwelling).",
    ),
    entry(
        Section::Crime,
        "burglary/res-burglary-of-a-home",
        "Residential burglary of a home",
        "RES BURGLARY OF A HOME",
        "Burglary of the home itself, such as a house or flat, from January 2024.",
        "Break-ins and attempted break-ins to houses, flats and other homes, including a garage or other building \
         joined to the home.",
        "Sheds, garages and other buildings on a home's land but not joined to it (residential burglary of an \
         unconnected building). Months before 2024 (burglary in a dwelling).",
    ),
    entry(
        Section::Crime,
        "burglary/res-burglary-of-unconnected-building",
        "Residential burglary of an unconnected building",
        "RES BURGLARY OF UNCONNECTED BUILDING",
        "Burglary of a shed, garage or other building on a home's land but not joined to the home, from January \
         2024.",
        "Break-ins and attempted break-ins to detached garages, garden sheds, outhouses and similar buildings that \
         belong to a home.",
        "The home itself and buildings joined to it (residential burglary of a home). Buildings that do not belong \
         to a home (business and community burglary).",
    ),
    entry(
        Section::Crime,
        "drug-offences",
        "Drug offences",
        "DRUG OFFENCES",
        "Having, making, selling or supplying drugs that the law controls, such as cannabis, cocaine or heroin.",
        "Possession of drugs and trafficking of drugs. Few drug offences are reported by victims: most are found by \
         the police, so the figures follow police activity such as stop and search.",
        "Driving after taking drugs, which is a motoring offence and not part of recorded crime.",
    ),
    entry(
        Section::Crime,
        "drug-offences/possession-of-drugs",
        "Possession of drugs",
        "POSSESSION OF DRUGS",
        "Having a controlled drug, usually a small amount for one's own use.",
        "Possession of cannabis and of other controlled drugs, including cases dealt with by a cannabis or khat \
         warning.",
        "Having drugs in order to sell or supply them (trafficking of drugs).",
    ),
    entry(
        Section::Crime,
        "drug-offences/trafficking-of-drugs",
        "Trafficking of drugs",
        "TRAFFICKING OF DRUGS",
        "Producing, supplying or selling controlled drugs, or having them in order to supply them.",
        "Dealing, making drugs, growing cannabis, bringing drugs into or out of the country, and possession with \
         intent to supply.",
        "Having drugs only for one's own use (possession of drugs).",
    ),
    entry(
        Section::Crime,
        "fraud-and-forgery",
        "Fraud and forgery",
        "FRAUD AND FORGERY",
        "Fraud and forgery offences the Met recorded itself. Until early 2013 this held most fraud in London; since \
         then victims report fraud to Action Fraud, so the figures here are very small.",
        "Fraud and forgery offences recorded by the Met: thousands a month until early 2013, very few since.",
        "Fraud reported to Action Fraud, the national reporting centre. Frauds it passes to the Met are NFIB fraud; \
         the rest are not in these files.",
    ),
    entry(
        Section::Crime,
        "fraud-and-forgery/fraud-and-forgery",
        "Fraud and forgery",
        "FRAUD AND FORGERY",
        "The only minor category of fraud and forgery, so its figures are the same: fraud and forgery offences the \
         Met recorded itself.",
        "Fraud and forgery offences recorded by the Met: most fraud until early 2013, very few since.",
        "Fraud reported to Action Fraud (see NFIB fraud).",
    ),
    entry(
        Section::Crime,
        "miscellaneous-crimes-against-society",
        "Miscellaneous crimes against society",
        "MISCELLANEOUS CRIMES AGAINST SOCIETY",
        "Crimes that harm society or the justice system rather than one particular victim, grouped together by the \
         Home Office rules.",
        "For example perverting the course of justice, perjury, bail offences, escaping from custody, handling \
         stolen goods, going equipped to steal, dangerous driving, wildlife crime, and offences involving \
         prostitution or obscene material.",
        "Fraud (fraud and forgery, NFIB fraud). Driving that kills or seriously injures someone (violence against \
         the person).",
    ),
    entry(
        Section::Crime,
        "miscellaneous-crimes-against-society/misc-crimes-against-society",
        "Miscellaneous crimes against society",
        "MISC CRIMES AGAINST SOCIETY",
        "The only minor category of miscellaneous crimes against society, so its figures are the same. Older files \
         spell the name out in full.",
        "Perverting the course of justice, bail offences, handling stolen goods, dangerous driving and the other \
         offences of the major category.",
        "Fraud, and driving that kills or seriously injures someone (violence against the person).",
    ),
    entry(
        Section::Crime,
        "nfib-fraud",
        "NFIB fraud",
        "NFIB FRAUD",
        "Fraud reported to Action Fraud, the national reporting centre, and passed to the Met to investigate by the \
         National Fraud Intelligence Bureau (NFIB).",
        "Only the frauds allocated to the Met. The Met's files show very few in any month.",
        "Most fraud against Londoners, which is not passed to the Met and is not in these files. Fraud the Met \
         recorded itself (fraud and forgery).",
    ),
    entry(
        Section::Crime,
        "nfib-fraud/nfib",
        "NFIB",
        "NFIB",
        "The only minor category of NFIB fraud, so its figures are the same: fraud passed to the Met by the \
         National Fraud Intelligence Bureau.",
        "Frauds reported to Action Fraud and allocated to the Met.",
        "Fraud not allocated to the Met, and fraud the Met recorded itself (fraud and forgery).",
    ),
    entry(
        Section::Crime,
        "possession-of-weapons",
        "Possession of weapons",
        "POSSESSION OF WEAPONS",
        "Having a weapon where the law forbids it, such as carrying a knife in public without good reason, or \
         having a gun illegally.",
        "Carrying or having knives and other bladed or pointed items, other offensive weapons, and firearms.",
        "Using a weapon to hurt or threaten someone (violence against the person), or to steal (robbery).",
    ),
    entry(
        Section::Crime,
        "possession-of-weapons/possession-of-weapons",
        "Possession of weapons",
        "POSSESSION OF WEAPONS",
        "The only minor category of possession of weapons, so its figures are the same: having a weapon where the \
         law forbids it.",
        "Carrying or having knives, other offensive weapons and firearms.",
        "Using a weapon to hurt or threaten someone (violence against the person), or to steal (robbery).",
    ),
    entry(
        Section::Crime,
        "public-order-offences",
        "Public order offences",
        "PUBLIC ORDER OFFENCES",
        "Behaviour, usually in public, that causes or is meant to cause fear, alarm or distress, or that threatens \
         public peace.",
        "Threatening or abusive behaviour, including when made worse by hostility to race or religion, violent \
         disorder, and other public order offences.",
        "Harassment and stalking of a particular person, and violence that injures someone (violence against the \
         person).",
    ),
    entry(
        Section::Crime,
        "public-order-offences/other-offences-public-order",
        "Other public order offences",
        "OTHER OFFENCES PUBLIC ORDER",
        "Public order offences that are not in the other three minor categories.",
        "The offences the Home Office rules group as other offences against the State or public order.",
        "Threatening or abusive behaviour (public fear, alarm or distress, and its racially or religiously \
         aggravated form). Violent disorder.",
    ),
    entry(
        Section::Crime,
        "public-order-offences/public-fear-alarm-or-distress",
        "Public fear, alarm or distress",
        "PUBLIC FEAR, ALARM OR DISTRESS",
        "Threatening, abusive or insulting words or behaviour that cause, or are meant or likely to cause, fear of \
         violence, harassment, alarm or distress.",
        "Such behaviour in the street, on transport or elsewhere, including disorderly behaviour.",
        "The same behaviour made worse by hostility to race or religion (its own category). Repeated harassment of \
         one person (stalking and harassment).",
    ),
    entry(
        Section::Crime,
        "public-order-offences/race-or-religious-agg-public-fear",
        "Racially or religiously aggravated public fear, alarm or distress",
        "RACE OR RELIGIOUS AGG PUBLIC FEAR",
        "Causing fear, alarm or distress, where the offender shows hostility to the victim's race or religion, or \
         acts out of such hostility.",
        "Threatening, abusive or insulting behaviour aggravated by hostility to race or religion.",
        "Other hate crimes, which are counted in their own categories, such as violence or criminal damage: this is \
         not a count of all hate crime.",
    ),
    entry(
        Section::Crime,
        "public-order-offences/violent-disorder",
        "Violent disorder",
        "VIOLENT DISORDER",
        "Three or more people together using or threatening unlawful violence, in a way that would make a person \
         of reasonable firmness fear for their safety.",
        "Each offence of violent disorder recorded.",
        "Injuries caused during the disorder (violence against the person). Damage (arson and criminal damage).",
    ),
    entry(
        Section::Crime,
        "robbery",
        "Robbery",
        "ROBBERY",
        "Stealing from someone using force, or the threat of force, at the time of the theft. Attempts count too.",
        "Robbery of personal property and of business property, including robbery with a weapon.",
        "Stealing without force or threat, such as pickpocketing (theft from the person). Violence with no attempt \
         to steal (violence against the person).",
    ),
    entry(
        Section::Crime,
        "robbery/robbery-of-business-property",
        "Robbery of business property",
        "ROBBERY OF BUSINESS PROPERTY",
        "Robbery where what is taken, or demanded, belongs to a business, such as a shop's takings or stock.",
        "Robberies of shops, banks, post offices, cash being delivered and other businesses, including when staff \
         are threatened.",
        "Robbery of staff members' own belongings (robbery of personal property). Theft from a shop without force \
         or threat (shoplifting).",
    ),
    entry(
        Section::Crime,
        "robbery/robbery-of-personal-property",
        "Robbery of personal property",
        "ROBBERY OF PERSONAL PROPERTY",
        "Robbery of a person's own belongings, such as a phone, bag, cash or watch.",
        "Robberies in the street, at home or elsewhere, including mugging and phone robbery.",
        "Things taken without force or threat (theft from the person). A business's money or goods (robbery of \
         business property).",
    ),
    entry(
        Section::Crime,
        "sexual-offences",
        "Sexual offences",
        "SEXUAL OFFENCES",
        "Rape and other sexual offences against adults and children.",
        "Rape, sexual assault, sexual activity with children, exposure, voyeurism and other sexual offences. \
         Offences are counted when reported, even if they happened long ago.",
        "Offences involving prostitution or obscene material (miscellaneous crimes against society).",
    ),
    entry(
        Section::Crime,
        "sexual-offences/other-sexual-offences",
        "Other sexual offences",
        "OTHER SEXUAL OFFENCES",
        "Sexual offences other than rape.",
        "Sexual assault, sexual activity with a child, sexual grooming, exposure, voyeurism and other sexual \
         offences.",
        "Rape (its own category). Offences involving prostitution or obscene material (miscellaneous crimes against \
         society).",
    ),
    entry(
        Section::Crime,
        "sexual-offences/rape",
        "Rape",
        "RAPE",
        "Penetration of the vagina, anus or mouth with a penis without consent, or any such act with a child under \
         13. Attempts count too.",
        "Rape of women, men and children, including within a relationship and offences reported long after they \
         happened.",
        "Other sexual assaults (other sexual offences).",
    ),
    entry(
        Section::Crime,
        "theft",
        "Theft",
        "THEFT",
        "Dishonestly taking someone else's property, meaning to keep it, without force or threat.",
        "Theft from the person, shoplifting, bicycle theft and other theft.",
        "Theft of or from vehicles (vehicle offences). Theft after entering a building as a trespasser (burglary). \
         Theft with force or threat (robbery). Handling stolen goods (miscellaneous crimes against society). Fraud.",
    ),
    entry(
        Section::Crime,
        "theft/bicycle-theft",
        "Bicycle theft",
        "BICYCLE THEFT",
        "Stealing a bicycle, or taking one without the owner's permission.",
        "Pedal cycles taken from the street, bike stands and other places.",
        "A bicycle taken in a burglary (burglary) or by force or threat (robbery). Motorbikes and mopeds (vehicle \
         offences).",
    ),
    entry(
        Section::Crime,
        "theft/other-theft",
        "Other theft",
        "OTHER THEFT",
        "Theft that is not from the person, not from a shop, not of a bicycle, and not of or from a vehicle.",
        "For example theft of property left unattended, theft by an employee, theft of mail, and leaving without \
         paying (making off without payment).",
        "Theft during a burglary (burglary). Theft of goods on sale by customers (shoplifting). Handling stolen \
         goods (miscellaneous crimes against society).",
    ),
    entry(
        Section::Crime,
        "theft/shoplifting",
        "Shoplifting",
        "SHOPLIFTING",
        "Stealing goods from a shop, stall or other place that sells them, while it is open.",
        "Thefts and attempted thefts of goods on sale.",
        "Breaking in when the shop is closed (burglary). Using force or threats (robbery). Theft by the shop's own \
         staff (other theft).",
    ),
    entry(
        Section::Crime,
        "theft/theft-from-the-person",
        "Theft from the person",
        "THEFT FROM THE PERSON",
        "Stealing something a person is carrying or wearing, without force or threat, often without them noticing.",
        "Pickpocketing, and snatching a bag or phone where no force is used against the person.",
        "Stealing with force against the person, or with threats (robbery). Property left unattended (other \
         theft).",
    ),
    entry(
        Section::Crime,
        "vehicle-offences",
        "Vehicle offences",
        "VEHICLE OFFENCES",
        "Theft of or from motor vehicles, and interfering with them. Motor vehicles include cars, vans, lorries and \
         motorbikes.",
        "Theft from a vehicle, theft or unauthorised taking of a vehicle, aggravated vehicle taking, and interfering \
         with a vehicle.",
        "Bicycles (bicycle theft). Damage with nothing stolen (criminal damage). Taking a vehicle by force or threat \
         (robbery). Motoring offences such as speeding, which are not recorded crime.",
    ),
    entry(
        Section::Crime,
        "vehicle-offences/aggravated-vehicle-taking",
        "Aggravated vehicle taking",
        "AGGRAVATED VEHICLE TAKING",
        "Taking a vehicle without the owner's consent, after which it is driven dangerously, or causes an injury, \
         damage to property, or damage to the vehicle itself.",
        "Takings of cars, vans, motorbikes and other motor vehicles with any of those results.",
        "Takings without those results (theft or unauthorised taking of a motor vehicle). Bicycles.",
    ),
    entry(
        Section::Crime,
        "vehicle-offences/interfering-with-a-motor-vehicle",
        "Interfering with a motor vehicle",
        "INTERFERING WITH A MOTOR VEHICLE",
        "Tampering with a motor vehicle intending to steal it or something from it, or to take it without \
         permission, for example trying door handles.",
        "Tampering where nothing was taken.",
        "Where something was taken (theft from a vehicle) or the vehicle was taken (theft or unauthorised taking of \
         a motor vehicle). Damage with no intent to steal (criminal damage).",
    ),
    entry(
        Section::Crime,
        "vehicle-offences/theft-from-a-vehicle",
        "Theft from a vehicle",
        "THEFT FROM A VEHICLE",
        "Stealing things from inside a motor vehicle, or parts of it.",
        "Thefts and attempted thefts from cars, vans, lorries and motorbikes, including where the vehicle was broken \
         into.",
        "Taking the vehicle itself (theft or unauthorised taking of a motor vehicle). Tampering with nothing taken \
         (interfering with a motor vehicle).",
    ),
    entry(
        Section::Crime,
        "vehicle-offences/theft-or-unauth-taking-of-a-motor-veh",
        "Theft or unauthorised taking of a motor vehicle",
        "THEFT OR UNAUTH TAKING OF A MOTOR VEH",
        "Stealing a motor vehicle, or taking it without the owner's consent, even if it is later found or returned.",
        "Cars, vans, lorries, motorbikes and mopeds stolen or taken without consent, and attempts.",
        "Bicycles (bicycle theft). Takings that end in dangerous driving, injury or damage (aggravated vehicle \
         taking). Taking by force or threat (robbery).",
    ),
    entry(
        Section::Crime,
        "violence-against-the-person",
        "Violence against the person",
        "VIOLENCE AGAINST THE PERSON",
        "Violence and threats of violence against people, from assault to homicide, including stalking and \
         harassment.",
        "Homicide, violence with and without injury, stalking and harassment, and causing death or serious injury \
         by illegal driving. Attempts count too.",
        "Force used to steal (robbery), sexual offences and violent disorder, which have their own categories.",
    ),
    entry(
        Section::Crime,
        "violence-against-the-person/death-serious-injury-illegal-driving",
        "Death or serious injury by illegal driving",
        "DEATH SERIOUS INJURY ILLEGAL DRIVING",
        "Killing or seriously injuring someone by dangerous or careless driving, or while unlicensed, uninsured, \
         disqualified, or under the influence of drink or drugs. Listed separately from January 2024.",
        "Deaths and serious injuries caused by a driver's crime, from January 2024.",
        "Dangerous driving that kills or seriously injures no one (miscellaneous crimes against society). Road \
         deaths with no driving offence. Months before 2024, when the Met's files have no separate line for it.",
    ),
    entry(
        Section::Crime,
        "violence-against-the-person/homicide",
        "Homicide",
        "HOMICIDE",
        "Unlawfully killing a person: murder, manslaughter, corporate manslaughter and infanticide.",
        "Each person unlawfully killed, whether or not anyone has been charged.",
        "Attempted murder (violence with injury). Deaths caused by illegal driving (death or serious injury by \
         illegal driving).",
    ),
    entry(
        Section::Crime,
        "violence-against-the-person/stalking-and-harassment",
        "Stalking and harassment",
        "STALKING AND HARASSMENT",
        "Behaviour aimed at a person that causes them alarm, distress or fear, such as repeatedly following or \
         contacting them. Listed separately from January 2024.",
        "Harassment, stalking, sending threatening or offensive messages, and controlling or coercive behaviour in \
         a relationship, from January 2024.",
        "Threatening behaviour in public not aimed at one person over time (public order offences). Months before \
         2024, when the Met's files have no separate line for it.",
    ),
    entry(
        Section::Crime,
        "violence-against-the-person/violence-with-injury",
        "Violence with injury",
        "VIOLENCE WITH INJURY",
        "Violence that injures someone, from an assault causing an injury to a serious wounding. Attempted murder \
         is counted here too.",
        "Assault causing actual bodily harm, wounding, grievous bodily harm and attempted murder, including when \
         made worse by hostility to race or religion.",
        "Assaults with no injury, and threats (violence without injury). Killings (homicide). Force used to steal \
         (robbery). Sexual assault (sexual offences).",
    ),
    entry(
        Section::Crime,
        "violence-against-the-person/violence-without-injury",
        "Violence without injury",
        "VIOLENCE WITHOUT INJURY",
        "Violence, or threats of violence, that leave no injury.",
        "Common assault with no injury, including of police officers and other emergency workers, threats to kill, \
         and cruelty to or neglect of children.",
        "Violence that injures someone (violence with injury). From January 2024, stalking and harassment has its \
         own line.",
    ),
    // Stop and search: type of search.
    entry(
        Section::StopSearch,
        "stops/type",
        "Type of search",
        "Type",
        "Whether the officer searched a person, a vehicle, or a person and a vehicle together.",
        "Every search, under one of the three types or as not recorded.",
        "Searches of a vehicle alone have no person searched, so they are left out of the ethnic group, age and sex \
         figures.",
    ),
    entry(
        Section::StopSearch,
        "stops/type/person",
        "Person search",
        "Person search",
        "A search of a person only: their clothing and what they carry.",
        "Searches of a person with no vehicle searched.",
        "Searches of a person together with a vehicle (person and vehicle search).",
    ),
    entry(
        Section::StopSearch,
        "stops/type/person-and-vehicle",
        "Person and vehicle search",
        "Person and Vehicle search",
        "A search of a person and of a vehicle in the same encounter, such as a driver and their car.",
        "Searches recorded as covering both. They count in the figures about the person (ethnic group, age, sex).",
        "Searches of a person alone (person search) or of a vehicle alone (vehicle search).",
    ),
    entry(
        Section::StopSearch,
        "stops/type/vehicle",
        "Vehicle search",
        "Vehicle search",
        "A search of a vehicle, or of something in or on it, with no person searched.",
        "Searches of a vehicle only, such as an unattended car.",
        "These searches have no person, so they are left out of the ethnic group, age and sex figures.",
    ),
    entry(
        Section::StopSearch,
        "stops/type/unknown",
        "Not recorded",
        "",
        "The published record gives no type of search.",
        "Searches with the type left blank.",
        "Left out of the ethnic group, age and sex figures, since it is not known whether a person was searched.",
    ),
    // Stop and search: self-defined ethnicity.
    entry(
        Section::StopSearch,
        "stops/ethnicity",
        "Ethnic group (as the person described it)",
        "Self-defined ethnicity",
        "The ethnic group the person searched gave for themselves, from a list like the Census's. The app groups \
         the detailed answers into the five broad Census groups.",
        "Searches of people (a person, or a person and a vehicle). An answer such as 'White - Irish' counts under \
         its broad group.",
        "Vehicle-only searches. People who gave no answer are not stated. The officer's own view is a separate \
         field (ethnic group as the officer described it).",
    ),
    entry(
        Section::StopSearch,
        "stops/ethnicity/asian",
        "Asian or Asian British",
        "Asian/Asian British",
        "People who described themselves as Indian, Pakistani, Bangladeshi, Chinese, or of any other Asian \
         background.",
        "Searches of people who gave an answer in this group.",
        "People of mixed White and Asian background (mixed or multiple ethnic groups). Older lists' 'Chinese or \
         other ethnic group' answers are counted as other ethnic group.",
    ),
    entry(
        Section::StopSearch,
        "stops/ethnicity/black",
        "Black, Black British, Caribbean or African",
        "Black/African/Caribbean/Black British",
        "People who described themselves as African, Caribbean, or of any other Black background.",
        "Searches of people who gave an answer in this group.",
        "People of mixed White and Black background (mixed or multiple ethnic groups).",
    ),
    entry(
        Section::StopSearch,
        "stops/ethnicity/mixed",
        "Mixed or multiple ethnic groups",
        "Mixed/Multiple ethnic groups",
        "People who described themselves as White and Black Caribbean, White and Black African, White and Asian, or \
         of any other mixed or multiple background.",
        "Searches of people who gave an answer in this group.",
        "Officers' own records have no mixed group, so this group cannot be compared with the officer's view.",
    ),
    entry(
        Section::StopSearch,
        "stops/ethnicity/white",
        "White",
        "White",
        "People who described themselves as English, Welsh, Scottish, Northern Irish or British, Irish, Gypsy or \
         Irish Traveller, or of any other White background.",
        "Searches of people who gave an answer in this group. Its rate is the one the disproportionality ratio \
         compares against.",
        "People of mixed White and other backgrounds (mixed or multiple ethnic groups).",
    ),
    entry(
        Section::StopSearch,
        "stops/ethnicity/other",
        "Other ethnic group",
        "Other ethnic group",
        "People who described themselves as Arab, or as of any other ethnic group not listed.",
        "Searches of people who gave an answer in this group, including 'Chinese or other ethnic group' in older \
         lists.",
        "People who chose not to say (not stated).",
    ),
    entry(
        Section::StopSearch,
        "stops/ethnicity/not-stated",
        "Not stated",
        "Other ethnic group - Not stated",
        "The person did not give an ethnic group, or the field was left blank.",
        "Searches of people with no stated ethnic group.",
        "Left out of rates per 1,000 residents and of disproportionality ratios, since there are no residents to \
         compare them with.",
    ),
    // Stop and search: officer-defined ethnicity.
    entry(
        Section::StopSearch,
        "stops/officer-ethnicity",
        "Ethnic group (as the officer described it)",
        "Officer-defined ethnicity",
        "The ethnic group the officer thought the person belonged to, recorded whatever the person said.",
        "Searches of people, in four groups: Asian, Black, White and Other. The few recorded as Mixed count as \
         Other.",
        "Vehicle-only searches. Rates and disproportionality ratios use the person's own answer, not this one.",
    ),
    entry(
        Section::StopSearch,
        "stops/officer-ethnicity/asian",
        "Asian",
        "Asian",
        "The officer thought the person was Asian.",
        "Searches of people the officer recorded as Asian.",
        "What the person said about themselves (ethnic group as the person described it).",
    ),
    entry(
        Section::StopSearch,
        "stops/officer-ethnicity/black",
        "Black",
        "Black",
        "The officer thought the person was Black.",
        "Searches of people the officer recorded as Black.",
        "What the person said about themselves (ethnic group as the person described it).",
    ),
    entry(
        Section::StopSearch,
        "stops/officer-ethnicity/white",
        "White",
        "White",
        "The officer thought the person was White.",
        "Searches of people the officer recorded as White.",
        "What the person said about themselves (ethnic group as the person described it).",
    ),
    entry(
        Section::StopSearch,
        "stops/officer-ethnicity/other",
        "Other",
        "Other",
        "The officer thought the person belonged to another ethnic group, or recorded them as mixed.",
        "Searches of people the officer recorded as Other, and the few recorded as Mixed.",
        "What the person said about themselves (ethnic group as the person described it).",
    ),
    entry(
        Section::StopSearch,
        "stops/officer-ethnicity/unknown",
        "Not recorded",
        "",
        "The officer's view of the person's ethnic group was left blank.",
        "Searches of people with this field blank.",
        "Vehicle-only searches, which have no person.",
    ),
    // Stop and search: age.
    entry(
        Section::StopSearch,
        "stops/age",
        "Age",
        "Age range",
        "The age group of the person searched, in the bands police.uk publishes.",
        "Searches of people, in five bands from under 10 to over 34.",
        "Vehicle-only searches. Exact ages are not published.",
    ),
    entry(
        Section::StopSearch,
        "stops/age/under-10",
        "Under 10",
        "under 10",
        "Children under 10. In England and Wales they are below the age of criminal responsibility, so cannot be \
         charged with a crime.",
        "Searches of people recorded as under 10: very few.",
        "Vehicle-only searches.",
    ),
    entry(
        Section::StopSearch,
        "stops/age/10-17",
        "10 to 17",
        "10-17",
        "Children aged 10 to 17.",
        "Searches of people recorded as aged 10 to 17.",
        "Vehicle-only searches.",
    ),
    entry(
        Section::StopSearch,
        "stops/age/18-24",
        "18 to 24",
        "18-24",
        "People aged 18 to 24.",
        "Searches of people recorded as aged 18 to 24.",
        "Vehicle-only searches.",
    ),
    entry(
        Section::StopSearch,
        "stops/age/25-34",
        "25 to 34",
        "25-34",
        "People aged 25 to 34.",
        "Searches of people recorded as aged 25 to 34.",
        "Vehicle-only searches.",
    ),
    entry(
        Section::StopSearch,
        "stops/age/over-34",
        "Over 34",
        "over 34",
        "People aged 35 or over.",
        "Searches of people recorded as over 34.",
        "Vehicle-only searches.",
    ),
    entry(
        Section::StopSearch,
        "stops/age/unknown",
        "Not recorded",
        "",
        "The age range was left blank.",
        "Searches of people with no age range recorded.",
        "Vehicle-only searches, which have no person.",
    ),
    // Stop and search: gender.
    entry(
        Section::StopSearch,
        "stops/gender",
        "Sex or gender",
        "Gender",
        "Whether the person searched was recorded as male, female or other.",
        "Searches of people.",
        "Vehicle-only searches. police.uk does not say how the field was filled in.",
    ),
    entry(
        Section::StopSearch,
        "stops/gender/male",
        "Male",
        "Male",
        "The person searched was recorded as male.",
        "Searches of people recorded as male.",
        "Vehicle-only searches.",
    ),
    entry(
        Section::StopSearch,
        "stops/gender/female",
        "Female",
        "Female",
        "The person searched was recorded as female.",
        "Searches of people recorded as female.",
        "Vehicle-only searches.",
    ),
    entry(
        Section::StopSearch,
        "stops/gender/other",
        "Other",
        "Other",
        "The person was recorded as neither male nor female. police.uk does not say what this covers.",
        "Searches of people recorded as other.",
        "Vehicle-only searches, and records with the field blank (not recorded).",
    ),
    entry(
        Section::StopSearch,
        "stops/gender/unknown",
        "Not recorded",
        "",
        "The field was left blank.",
        "Searches of people with no sex or gender recorded.",
        "Vehicle-only searches, which have no person.",
    ),
    // Stop and search: legislation.
    entry(
        Section::StopSearch,
        "stops/legislation",
        "Power used",
        "Legislation",
        "The law that gave the officer the power to search. Most powers need reasonable grounds to suspect the \
         person has something; section 60, and section 47A of the Terrorism Act 2000, need no suspicion once a \
         senior officer has authorised them.",
        "Every search, under the power recorded for it.",
        "Powers used only rarely are grouped as other legislation. Searches with no power recorded are not \
         recorded.",
    ),
    entry(
        Section::StopSearch,
        "stops/legislation/misuse-of-drugs-s23",
        "Misuse of Drugs Act 1971, section 23",
        "Misuse of Drugs Act 1971 (section 23)",
        "The power to search a person or vehicle when an officer has reasonable grounds to suspect they have \
         controlled drugs.",
        "Searches for controlled drugs under this power.",
        "Searches for weapons or stolen goods, which use other powers. Drugs found in a search under another power \
         do not move that search here.",
    ),
    entry(
        Section::StopSearch,
        "stops/legislation/pace-s1",
        "Police and Criminal Evidence Act 1984, section 1",
        "Police and Criminal Evidence Act 1984 (section 1)",
        "The power to search a person or vehicle in a public place when an officer has reasonable grounds to \
         suspect they have stolen goods or a prohibited item, such as a knife or other weapon, or something for \
         stealing or causing damage.",
        "Searches for stolen goods, knives and other weapons, prohibited fireworks, and items for theft, burglary or \
         criminal damage under this power.",
        "Searches for drugs (Misuse of Drugs Act) or guns (Firearms Act), and searches without suspicion (section \
         60).",
    ),
    entry(
        Section::StopSearch,
        "stops/legislation/cjpoa-s60",
        "Criminal Justice and Public Order Act 1994, section 60",
        "Criminal Justice and Public Order Act 1994 (section 60)",
        "A power to search for weapons without suspecting the person. A senior officer authorises it for a set area \
         and time, when serious violence is expected or people there are believed to carry weapons. Often called \
         's60'.",
        "Searches under a section 60 authorisation, whatever was found.",
        "Searches for weapons on reasonable suspicion, which use section 1 of the Police and Criminal Evidence Act.",
    ),
    entry(
        Section::StopSearch,
        "stops/legislation/firearms-s47",
        "Firearms Act 1968, section 47",
        "Firearms Act 1968 (section 47)",
        "The power to search a person or vehicle when an officer has reasonable grounds to suspect they have a gun \
         in a public place, or are about to use one to commit a crime.",
        "Searches for firearms and ammunition under this power.",
        "Searches for knives and other weapons (section 1 of the Police and Criminal Evidence Act, or section 60).",
    ),
    entry(
        Section::StopSearch,
        "stops/legislation/other",
        "Other legislation",
        "",
        "Powers used rarely in London, grouped together: for example the Terrorism Act 2000 (sections 43 and 43A \
         with suspicion, section 47A without), and powers about psychoactive substances, customs, airports, alcohol \
         at sports grounds, crossbows and wildlife.",
        "Searches under any power other than the four named ones.",
        "The four named powers, and searches with no power recorded (not recorded).",
    ),
    entry(
        Section::StopSearch,
        "stops/legislation/unknown",
        "Not recorded",
        "",
        "The published record names no power.",
        "Searches with the legislation field blank.",
        "Searches under any named power.",
    ),
    // Stop and search: object of search.
    entry(
        Section::StopSearch,
        "stops/object",
        "What was searched for",
        "Object of search",
        "What the officer was looking for, which must fit the power used: for example controlled drugs in a search \
         under the Misuse of Drugs Act.",
        "Every search, under the object recorded for it.",
        "What was actually found: police.uk does not publish it.",
    ),
    entry(
        Section::StopSearch,
        "stops/object/controlled-drugs",
        "Controlled drugs",
        "Controlled drugs",
        "Drugs controlled by the Misuse of Drugs Act 1971, such as cannabis, cocaine and heroin.",
        "Searches for controlled drugs, nearly always under section 23 of that Act.",
        "Searches for psychoactive substances, which are counted as something else.",
    ),
    entry(
        Section::StopSearch,
        "stops/object/stolen-goods",
        "Stolen goods",
        "Stolen goods",
        "Property the officer suspects was stolen.",
        "Searches for stolen property, usually under section 1 of the Police and Criminal Evidence Act.",
        "Searches for items to steal with, which are counted as something else.",
    ),
    entry(
        Section::StopSearch,
        "stops/object/offensive-weapons",
        "Offensive weapons",
        "Offensive weapons",
        "Items made, changed or carried to injure someone, such as a knife or a knuckleduster.",
        "Searches for weapons on reasonable suspicion, usually under section 1 of the Police and Criminal Evidence \
         Act.",
        "Searches under section 60 (anything to threaten or harm anyone) and searches for guns (firearms).",
    ),
    entry(
        Section::StopSearch,
        "stops/object/evidence",
        "Evidence of offences under the Act",
        "Evidence of offences under the Act",
        "Evidence of a crime under the law that gave the power to search. police.uk does not say which crimes.",
        "Searches recorded with this object.",
        "Searches recorded with a more specific object.",
    ),
    entry(
        Section::StopSearch,
        "stops/object/harm",
        "Anything to threaten or harm anyone",
        "Anything to threaten or harm anyone",
        "Weapons or other items that could be used to threaten or hurt people: what a section 60 search looks for.",
        "Searches recorded with this object, which are section 60 searches.",
        "Searches for weapons on reasonable suspicion (offensive weapons).",
    ),
    entry(
        Section::StopSearch,
        "stops/object/firearms",
        "Firearms",
        "Firearms",
        "Guns and ammunition.",
        "Searches for guns, usually under section 47 of the Firearms Act 1968.",
        "Searches for other weapons (offensive weapons, or anything to threaten or harm anyone).",
    ),
    entry(
        Section::StopSearch,
        "stops/object/criminal-damage",
        "Articles for use in criminal damage",
        "Articles for use in criminal damage",
        "Items to damage property with, such as spray paint for graffiti.",
        "Searches on suspicion of carrying such items, under section 1 of the Police and Criminal Evidence Act.",
        "Searches for items to steal with, which are counted as something else.",
    ),
    entry(
        Section::StopSearch,
        "stops/object/fireworks",
        "Fireworks",
        "Fireworks",
        "Fireworks that it is against the law to have, for example adult fireworks carried in public by someone \
         under 18.",
        "Searches for such fireworks.",
        "Searches for weapons or for items to cause damage with, which have their own values.",
    ),
    entry(
        Section::StopSearch,
        "stops/object/other",
        "Something else",
        "",
        "Objects searched for rarely in London, grouped together: for example items for use in theft, psychoactive \
         substances, goods on which duty was not paid, poaching equipment, crossbows and evidence of wildlife crime.",
        "Searches recorded with any of these objects.",
        "The named objects, and searches with no object recorded (not recorded).",
    ),
    entry(
        Section::StopSearch,
        "stops/object/unknown",
        "Not recorded",
        "Detailed object of search unavailable",
        "The record names no object, or says the detailed object is unavailable.",
        "Searches with the object left blank or marked unavailable.",
        "Searches with a named object.",
    ),
    // Stop and search: outcome.
    entry(
        Section::StopSearch,
        "stops/outcome",
        "Outcome",
        "Outcome",
        "What the police did straight after the search, as recorded on police.uk.",
        "Every search, under one outcome: an arrest, a summons, a caution, a community resolution, a penalty \
         notice, a khat or cannabis warning, or no further action.",
        "What happened later, such as a charge, a trial or a conviction. An arrest may be for something other than \
         what was searched for.",
    ),
    entry(
        Section::StopSearch,
        "stops/outcome/arrest",
        "Arrest",
        "Arrest",
        "The person searched was arrested. An arrest is not a charge or a conviction, and may be for something \
         other than what the search was for.",
        "Searches that ended in an arrest, including 'Suspect arrested' in older files.",
        "What happened after the arrest, such as a charge or release.",
    ),
    entry(
        Section::StopSearch,
        "stops/outcome/summons",
        "Summons or charged by post",
        "Summons / charged by post",
        "The person was not arrested but will have to go to court, by a summons or a charge sent by post.",
        "Searches with this outcome, including 'Suspect summonsed to court' in older files.",
        "Arrests (arrest), and whether the person was later convicted.",
    ),
    entry(
        Section::StopSearch,
        "stops/outcome/caution",
        "Caution",
        "Caution (simple or conditional)",
        "A formal warning for someone who admits an offence, instead of going to court. A conditional caution comes \
         with conditions, such as repairing damage.",
        "Simple and conditional cautions, including 'Offender cautioned' in older files.",
        "Informal outcomes (community resolution) and street warnings for cannabis or khat (khat or cannabis \
         warning).",
    ),
    entry(
        Section::StopSearch,
        "stops/outcome/community-resolution",
        "Community resolution",
        "Community resolution",
        "An informal way of dealing with a minor offence without going to court, when the person accepts \
         responsibility, for example by apologising or putting right the harm.",
        "Searches with this outcome, including 'Local resolution' in older files.",
        "Formal cautions (caution) and fines (penalty notice for disorder).",
    ),
    entry(
        Section::StopSearch,
        "stops/outcome/penalty-notice",
        "Penalty notice for disorder",
        "Penalty Notice for Disorder",
        "A fixed fine for certain minor offences. Paying it ends the matter without going to court and without \
         admitting guilt.",
        "Searches with this outcome, including 'Offender given penalty notice' in older files.",
        "Other outcomes, such as a summons to court (summons or charged by post).",
    ),
    entry(
        Section::StopSearch,
        "stops/outcome/drugs-warning",
        "Khat or cannabis warning",
        "Khat or Cannabis warning",
        "A warning given on the spot to someone found with a small amount of cannabis or khat for their own use.",
        "Searches with this outcome, including 'Offender given drugs possession warning' in older files.",
        "Possession dealt with in other ways, such as an arrest or a community resolution.",
    ),
    entry(
        Section::StopSearch,
        "stops/outcome/no-further-action",
        "No further action",
        "A no further action disposal",
        "The police took no further action after the search and the person was free to go. It does not always mean \
         nothing was found.",
        "Searches with this outcome, including 'Nothing found - no further action' in older files.",
        "Searches that led to any other outcome.",
    ),
    entry(
        Section::StopSearch,
        "stops/outcome/unknown",
        "Not recorded",
        "",
        "No outcome was published, or an older file said only that something was found.",
        "Searches with the outcome left blank, or given as 'Article found - Detailed outcome unavailable'.",
        "Searches with a named outcome.",
    ),
    // Stop and search: outcome linked to object of search.
    entry(
        Section::StopSearch,
        "stops/linked",
        "Outcome linked to what was searched for",
        "Outcome linked to object of search",
        "Whether the outcome was about what the officer searched for: for example an arrest for drugs found in a \
         search for drugs.",
        "Every search, as linked, not linked or not recorded.",
        "The Met's files leave this blank before January 2024 and record every search since as not linked, so \
         these figures cannot show how often searches found what they were for.",
    ),
    entry(
        Section::StopSearch,
        "stops/linked/linked",
        "Linked",
        "True",
        "The outcome was about what the officer searched for.",
        "Searches recorded as linked. The Met's recent files record none.",
        "Outcomes about something else, or no outcome (not linked).",
    ),
    entry(
        Section::StopSearch,
        "stops/linked/not-linked",
        "Not linked",
        "False",
        "The outcome was not about what the officer searched for, or there was no outcome to link.",
        "Searches recorded as not linked: since January 2024, every search in the Met's files.",
        "Searches with the field left blank, as before January 2024 (not recorded).",
    ),
    entry(
        Section::StopSearch,
        "stops/linked/unknown",
        "Not recorded",
        "",
        "The field was left blank.",
        "Searches with no answer, including every search in the Met's files before January 2024.",
        "Searches recorded as linked or not linked.",
    ),
    // Stop and search: removal of more than outer clothing.
    entry(
        Section::StopSearch,
        "stops/clothing",
        "More than outer clothing removed",
        "Removal of more than just outer clothing",
        "Whether the person was asked to take off more than an outer coat, jacket or gloves. That must be done out \
         of public view.",
        "Every search, as yes, no or not recorded.",
        "Searches where only outer clothing, or nothing, was removed count as no. Blank records count as not \
         recorded.",
    ),
    entry(
        Section::StopSearch,
        "stops/clothing/yes",
        "Yes",
        "True",
        "The person was asked to remove more than outer clothing, out of public view.",
        "Searches recorded as true for removal of more than outer clothing.",
        "Searches where only a coat, jacket or gloves, or nothing, was removed (no).",
    ),
    entry(
        Section::StopSearch,
        "stops/clothing/no",
        "No",
        "False",
        "The person was not asked to remove more than an outer coat, jacket or gloves.",
        "Searches recorded as false for removal of more than outer clothing.",
        "Searches with the field left blank (not recorded).",
    ),
    entry(
        Section::StopSearch,
        "stops/clothing/unknown",
        "Not recorded",
        "",
        "The field was left blank.",
        "Searches with no answer.",
        "Searches recorded as yes or no.",
    ),
    // Figures and terms.
    entry(
        Section::Data,
        "data/recorded-crime",
        "Recorded crime",
        "",
        "Crimes reported to or found by the police that they recorded, following the Home Office Counting Rules and \
         the National Crime Recording Standard. It counts offences, not people or incidents.",
        "Each offence, usually once for each victim, in the category of its most serious crime.",
        "Crime never reported, or not recorded as a crime. It is not a count of arrests or convictions.",
    ),
    entry(
        Section::Data,
        "data/major-category",
        "Major category",
        "MajorText",
        "The broad group a crime category belongs to, such as burglary or theft. The Met's files call it MajorText, \
         and Group from mid 2026.",
        "The total of its minor categories.",
        "",
    ),
    entry(
        Section::Data,
        "data/minor-category",
        "Minor category",
        "MinorText",
        "A detailed crime category within a major category, such as shoplifting within theft. The Met's files call \
         it MinorText, and SubGroup from mid 2026.",
        "",
        "Names change over the years; the app treats spellings that mean the same category as one.",
    ),
    entry(
        Section::Data,
        "data/series-break",
        "Break in the series",
        "",
        "A month when the way crime was recorded or grouped changed, so figures either side are not fully \
         comparable: March 2019 (new categories), February 2024 (a new recording system, CONNECT), and where \
         files of the older categories of 2008 to 2016 end.",
        "Older categories are counted in today's: drugs in drug offences, theft and handling split into theft, \
         vehicle offences and, for handling stolen goods, miscellaneous crimes. Where one matches one of today's \
         (burglary, robbery, sexual offences, theft, drugs) the series runs on.",
        "Where they do not match (violence against the person, criminal damage, fraud and forgery, other \
         notifiable offences, offensive weapons), the chart marks the change.",
    ),
    entry(
        Section::Data,
        "data/borough",
        "Borough",
        "",
        "One of the 32 London boroughs whose crime the Met polices. Borough figures come from the Met's borough \
         files.",
        "Offences the Met placed in the borough.",
        "Offences at Heathrow and London City airports, or not placed in any borough, which count in London's total \
         only. The City of London.",
    ),
    entry(
        Section::Data,
        "data/city-of-london",
        "City of London",
        "",
        "The 'Square Mile' in central London. It has its own police force, the City of London Police, so the Met's \
         crime files have no figures for it.",
        "Nothing: the Met's searches placed there count as outside the Met's boroughs.",
        "London's crime and stop-and-search figures by area leave it out. The map shows it as not policed by the \
         Met.",
    ),
    entry(
        Section::Data,
        "data/pseudo-borough",
        "Pseudo-borough",
        "",
        "A row of the Met's borough files that is not a borough: London Heathrow and London City Airports, Unknown \
         (offences not placed in a borough), and Aviation Security (SO18).",
        "Their offences count in London's total, so it equals the Met's.",
        "They are not on the map and have no residents, so no rate. Heathrow is in Hillingdon and London City \
         Airport in Newham, but those boroughs' figures leave them out.",
    ),
    entry(
        Section::Data,
        "data/no-location",
        "Location not recorded",
        "",
        "Stop and searches whose police.uk record has no location.",
        "They count in London's total.",
        "They are in no borough or ward.",
    ),
    entry(
        Section::Data,
        "data/outside-london",
        "Outside the Met's boroughs",
        "",
        "Stop and searches by the Met whose published location is outside the 32 boroughs it polices: beyond \
         London, or in the City of London, which has its own police force.",
        "They count in London's total.",
        "They are in no borough or ward.",
    ),
    entry(
        Section::Data,
        "data/ward",
        "Ward",
        "",
        "A smaller area within a borough, used for local elections. Wards were redrawn in 2014, 2018 and May \
         2022; a ward not redrawn keeps its code. Wards of different years are different places, so their figures \
         are kept apart.",
        "Offences the Met placed in the ward, for the months its ward files cover. Ward populations are added up \
         from small Census areas, so are approximate.",
        "Offences with no ward (about 3%), so a borough's wards add up to less than the borough.",
    ),
    entry(
        Section::Data,
        "data/rate-per-1000-residents",
        "Rate per 1,000 residents",
        "",
        "The number of offences or searches for every 1,000 people living in the area: the count divided by the \
         number of residents, times 1,000.",
        "Usual residents at the 2021 Census. For stop and search by ethnic group, the residents of that group.",
        "Visitors, commuters and workers are not residents, so central areas such as Westminster have high rates. \
         London's rate leaves out the City of London.",
    ),
    entry(
        Section::Data,
        "data/disproportionality-ratio",
        "Disproportionality ratio",
        "",
        "How many times as often people of an ethnic group were searched as White people, for every 1,000 \
         residents: the group's rate divided by the White group's rate.",
        "Searches by the person's own ethnic group, over a 12-month period, for London and the boroughs, where both \
         groups had at least 50 searches.",
        "People who did not state their ethnic group. It does not allow for where searches happen, visitors, age or \
         population change since 2021, and does not show whether any search was fair.",
    ),
    entry(
        Section::Data,
        "data/arrest-rate",
        "Arrest rate",
        "",
        "Searches that led to an arrest, as a per cent of all searches: by month for London and the boroughs, and \
         over the chosen 12 months in the summary.",
        "Searches with the outcome arrest, even if the arrest was for something other than what the search was for.",
        "It is not a find rate: the Met's files do not show reliably whether a search found what it was for. A \
         month whose arrests are withheld ([c]) has no rate.",
    ),
    entry(
        Section::Data,
        "data/count",
        "Number of offences",
        "",
        "How many offences the Met recorded in the chosen area, category and months; for stop and search, how many \
         searches.",
        "Every offence in the category, added up over the months.",
        "A total over months that include one with no figure is shown as not published, never as a smaller number.",
    ),
    entry(
        Section::Data,
        "data/share",
        "Share of London",
        "",
        "An area's offences as a per cent of London's total for the same category and months.",
        "London's total includes offences not placed in a borough and those at the airports, so the boroughs' \
         shares add up to a little under 100%.",
        "It does not allow for population: big boroughs have big shares. See rate per 1,000 residents.",
    ),
    entry(
        Section::Data,
        "data/change",
        "Change on a year earlier",
        "",
        "The difference between the count for the chosen months and for the same months a year earlier. It is a \
         percentage when the earlier count is at least 20, otherwise a number such as +3.",
        "",
        "No change is given when either count is not published. Percentages of small counts are not given because \
         they swing widely and mislead.",
    ),
    entry(
        Section::Data,
        "data/index",
        "Index (first month = 100)",
        "",
        "On the trend chart for change, each line is divided by its own first month and multiplied by 100, so \
         areas of different sizes can be compared. 110 means 10% more than in the first month.",
        "",
        "",
    ),
    entry(
        Section::Data,
        "data/12-month-period",
        "12-month period",
        "",
        "Twelve months in a row. Crime views start with the latest 12 months and can show any months. Stop-and-search \
         breakdowns come only for fixed years from April to March, like the Home Office's statistics.",
        "",
        "Overlapping stop-and-search periods are not published, in one release or across releases, because their \
         differences could reveal small monthly counts.",
    ),
    entry(
        Section::Data,
        "data/rolling-12-month-total",
        "Rolling 12-month total",
        "",
        "A chart option where each point is the total of the 12 months up to and including that month. It smooths \
         out seasonal ups and downs.",
        "The month itself and the 11 months before it.",
        "A point where any of those 12 months is not published is not published either.",
    ),
    entry(
        Section::Data,
        "data/suppressed",
        "Suppressed ([c])",
        "",
        "A stop-and-search count withheld to protect the people searched: a count of 1 to 9 searches, or a larger \
         count hidden so that such a small count cannot be worked out from the others.",
        "Shown as [c], never as 0. A total the app adds up from a withheld count is withheld too.",
        "Crime figures are shown as the Met publishes them: only stop-and-search counts are withheld. Zeros are \
         published.",
    ),
    entry(
        Section::Data,
        "data/not-published",
        "Not published (..)",
        "",
        "No figure exists for that area, category or month: for example the category did not exist yet, or the \
         month is outside the publisher's files. Ward figures cover fewer months than borough figures.",
        "Shown as '..', never as 0.",
        "Within a file, an area with no row for a category had no offences, which is 0, not '..'.",
    ),
    entry(
        Section::Data,
        "data/revision",
        "Revision",
        "",
        "A change to a month's figure in a later release of the Met's file. Each month the Met republishes its \
         latest 24 months and corrects earlier figures, up or down.",
        "The app takes each month from the newest release that covers it fully, and records every figure that \
         changed.",
        "Months found only in older releases keep the figures of those releases.",
    ),
    entry(
        Section::Data,
        "data/data-release",
        "Data release",
        "",
        "One fixed set of the app's figures, named by a 12-character code made from its files. Links and embeds \
         pinned to a release keep showing exactly those figures after newer ones arrive.",
        "",
        "A link to a release that is no longer kept opens the latest figures instead, and says why.",
    ),
    entry(
        Section::Data,
        "data/partial-month",
        "Partial month",
        "",
        "A month that a file covers only in part: for example police.uk's Met stop-and-search file for December \
         2022 stops on the 17th, and a Met crime file may end with an incomplete month.",
        "Stop and search: marked as part months in tables and left out of chart lines; a partial latest month's \
         arrests are withheld until it is complete. Crime: the figure comes from the release before, if any.",
        "An incomplete month is never shown as a fall.",
    ),
    entry(
        Section::Data,
        "data/location-anonymisation",
        "Location anonymisation",
        "",
        "police.uk does not publish exact places. It moves each search to the nearest of a set of fixed map points, \
         such as the middle of a street, to protect privacy.",
        "Each search counts in the ward and borough that hold its published point.",
        "A search near a boundary may be counted in the area next door. Searches with no location count in London's \
         total only.",
    ),
    entry(
        Section::Data,
        "data/stop-and-search",
        "Stop and search",
        "",
        "When a police officer stops someone and searches them, their vehicle or both, using a legal power. police.uk \
         publishes a record of each Met search; the app publishes only counts made from them.",
        "Every search by the Met published on police.uk, under any power and with any outcome, counted in the month \
         and place it happened.",
        "Stops without a search, searches after an arrest, and searches of homes or other premises.",
    ),
    entry(
        Section::Data,
        "data/person-searches",
        "Searches of people",
        "",
        "Searches of a person, or of a person and a vehicle. The figures about the person searched (ethnic group, \
         age and sex) count these searches only.",
        "Person searches, and person and vehicle searches.",
        "Vehicle-only searches, and searches of unrecorded type, which may have no person.",
    ),
];

/// The term with this id.
pub fn term(id: &str) -> Option<&'static Term> {
    find(TERMS, id)
}

/// The term with this id among `terms` (e.g. read from [`FILE`]).
pub fn find<'a>(terms: &'a [Term], id: &str) -> Option<&'a Term> {
    terms.iter().find(|t| t.id == id)
}

/// The id of the definition of a stop-and-search dimension: `stops/<token>`.
pub fn dimension_id(d: Dimension) -> String {
    format!("stops/{}", d.token())
}

/// The id of the definition of a value of a dimension: `stops/<token>/<value id>`.
pub fn value_id(d: Dimension, value_id: &str) -> String {
    format!("stops/{}/{value_id}", d.token())
}

/// The words of a text: lower case, apostrophes dropped, any other character
/// that is not a letter or digit a break between words.
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            word.extend(ch.to_lowercase());
        } else if matches!(ch, '\'' | '\u{2018}' | '\u{2019}') {
            continue;
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Whether every query word begins a word of the text.
fn has_all(text: &[String], query: &[String]) -> bool {
    query.iter().all(|q| text.iter().any(|w| w.starts_with(q.as_str())))
}

/// Terms of `terms` matching a search: every word of `query` (case-insensitive,
/// ignoring punctuation) begins a word of the name, official term, means,
/// counted or not_counted. Terms whose name has every word come first, then the
/// others, each in their order. An empty query returns every term.
pub fn search<'a>(terms: &'a [Term], query: &str) -> Vec<&'a Term> {
    let query = words(query);
    if query.is_empty() {
        return terms.iter().collect();
    }
    let mut by_name = Vec::new();
    let mut by_text = Vec::new();
    for t in terms {
        if has_all(&words(&t.name), &query) {
            by_name.push(t);
        } else {
            let text: Vec<String> = [&t.name, &t.official, &t.means, &t.counted, &t.not_counted]
                .into_iter()
                .flat_map(|f| words(f))
                .collect();
            if has_all(&text, &query) {
                by_text.push(t);
            }
        }
    }
    by_name.extend(by_text);
    by_name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crime::categories;
    use crate::crime::category;
    use crate::stops::stop_search::{self, LABELS, UNKNOWN};
    use std::collections::BTreeSet;

    #[test]
    fn every_crime_category_has_a_definition() {
        for (id, _) in categories::PLAIN {
            let found = term(id);
            assert!(
                found.is_some_and(|t| t.section == Section::Crime),
                "crime category {id:?} has no definition: add an entry(Section::Crime, {id:?}, …) term to TERMS in \
                 src/core/explain/glossary.rs"
            );
        }
        for t in TERMS.iter().filter(|t| t.section == Section::Crime) {
            assert!(
                categories::plain_name(&t.id).is_some(),
                "glossary term {:?} is not a category id of categories::PLAIN: fix its id or remove it",
                t.id
            );
        }
    }

    #[test]
    fn every_stop_search_dimension_and_value_has_a_definition() {
        for d in Dimension::ALL {
            let id = dimension_id(d);
            let t = term(&id).unwrap_or_else(|| {
                panic!(
                    "dimension {d:?} has no definition: add an entry(Section::StopSearch, {id:?}, …) term to TERMS in src/core/explain/glossary.rs"
                )
            });
            assert_eq!((t.section, &*t.name, &*t.official), (Section::StopSearch, d.label(), d.column()), "{id}");
            for v in d.values() {
                let id = value_id(d, v.id);
                let t = term(&id).unwrap_or_else(|| {
                    panic!(
                        "value {:?} of {d:?} has no definition: add an entry(Section::StopSearch, {id:?}, …) term to TERMS in \
                         src/core/explain/glossary.rs",
                        v.id
                    )
                });
                assert_eq!((t.section, &*t.name), (Section::StopSearch, v.label), "{id}");
            }
        }
        for t in TERMS.iter().filter(|t| t.section == Section::StopSearch) {
            let known = Dimension::ALL
                .into_iter()
                .any(|d| t.id == dimension_id(d) || d.values().iter().any(|v| t.id == value_id(d, v.id)));
            assert!(
                known,
                "glossary term {:?} is not a dimension or value of stop_search: fix its id or remove it",
                t.id
            );
        }
    }

    #[test]
    fn official_terms_read_back_to_their_ids() {
        for t in TERMS.iter().filter(|t| t.section == Section::Crime && t.id != category::ALL) {
            let leaf = t.id.rsplit('/').next().unwrap_or(&t.id);
            assert_eq!(category::key(&t.official), leaf, "official name of {}", t.id);
        }
        for d in Dimension::ALL {
            for v in d.values() {
                let Some(t) = term(&value_id(d, v.id)) else { continue };
                if t.official.is_empty() {
                    // Only a blank field, or a value grouping several published labels, has no one term.
                    let labels = LABELS.iter().filter(|(ld, _, id)| *ld == d && *id == v.id).count();
                    assert!(v.id == UNKNOWN || labels > 1, "{} needs the police.uk label as its official term", t.id);
                } else {
                    assert_eq!(stop_search::value_of(d, &t.official), Some(v.id), "official term of {}", t.id);
                }
            }
        }
    }

    #[test]
    fn ids_are_unique_and_every_field_is_filled() {
        let mut seen = BTreeSet::new();
        for t in TERMS {
            assert!(seen.insert(&*t.id), "{} is defined twice", t.id);
            let prefix_ok = match t.section {
                Section::Crime => !t.id.starts_with("stops/") && !t.id.starts_with("data/"),
                Section::StopSearch => t.id.starts_with("stops/"),
                Section::Data => t.id.starts_with("data/") && t.id.len() > "data/".len(),
            };
            assert!(prefix_ok, "{} does not fit its section {:?}", t.id, t.section);
            assert!(!t.name.is_empty() && !t.means.is_empty(), "{} needs a name and a meaning", t.id);
            if t.section != Section::Data {
                assert!(!t.counted.is_empty() && !t.not_counted.is_empty(), "{} needs counted and not_counted", t.id);
            }
            if t.official.is_empty() {
                let allowed = t.section == Section::Data || t.id == category::ALL || t.section == Section::StopSearch;
                assert!(allowed, "{} needs the publisher's term", t.id);
            }
            for text in [&t.id, &t.name, &t.official, &t.means, &t.counted, &t.not_counted] {
                assert!(!text.contains("TODO") && !text.contains("TBD"), "{}: unfinished text {text:?}", t.id);
                assert_eq!(text.as_ref(), text.trim(), "{}: stray spaces", t.id);
                assert!(!text.contains("  "), "{}: double space in {text:?}", t.id);
            }
        }
        for section in Section::ALL {
            assert!(TERMS.iter().any(|t| t.section == section), "{section:?} has no terms");
        }
        let tokens: BTreeSet<&str> = Section::ALL.iter().map(|s| s.token()).collect();
        assert_eq!(tokens.len(), Section::ALL.len());
    }

    #[test]
    fn the_published_file_reads_back_as_the_same_terms() {
        let json = serde_json::to_string(TERMS).unwrap();
        assert!(json.starts_with(r#"[{"id":"all","section":"crime","name":"All crimes""#), "{}", &json[..80]);
        let read: Vec<Term> = serde_json::from_str(&json).unwrap();
        assert_eq!(read, TERMS);
        assert_eq!(find(&read, "burglary").map(|t| &*t.name), Some("Burglary"));
        assert_eq!(
            search(&read, "section 60").first().map(|t| &*t.id),
            search(TERMS, "section 60").first().map(|t| &*t.id)
        );
    }

    #[test]
    fn definitions_are_short() {
        for t in TERMS {
            for (field, text) in [("means", &t.means), ("counted", &t.counted), ("not_counted", &t.not_counted)] {
                let n = text.split_whitespace().count();
                assert!(n <= 45, "{} {field} has {n} words: keep it to about 40", t.id);
            }
        }
    }

    fn check(query: &str, expected_first: &[&str]) {
        let found: Vec<&str> = search(TERMS, query).iter().map(|t| &*t.id).collect();
        assert!(
            found.len() >= expected_first.len() && found[..expected_first.len()] == *expected_first,
            "search {query:?}: expected {expected_first:?} first, found {:?}",
            &found[..found.len().min(6)]
        );
    }

    #[test]
    fn search_finds_names_first_then_any_text() {
        check("section 60", &["stops/legislation/cjpoa-s60"]);
        check("ROBBERY", &["robbery", "robbery/robbery-of-business-property", "robbery/robbery-of-personal-property"]);
        check("res burglary of a home", &["burglary/res-burglary-of-a-home"]);
        check("Misuse of Drugs Act 1971 (section 23)", &["stops/legislation/misuse-of-drugs-s23"]);
        check("disproportionality", &["data/disproportionality-ratio"]);
        check("NFIB", &["nfib-fraud", "nfib-fraud/nfib"]);
        check("khat", &["stops/outcome/drugs-warning"]);
        check("per 1,000", &["data/rate-per-1000-residents"]);
        check("s60", &["stops/legislation/cjpoa-s60"]);
        // No name has "pickpocketing": the texts that mention it, in table order.
        check("pickpocketing", &["robbery", "theft/theft-from-the-person"]);
        assert_eq!(search(TERMS, "").len(), TERMS.len());
        assert_eq!(search(TERMS, " ,.- ").len(), TERMS.len());
        assert!(search(TERMS, "xylophone").is_empty());
        assert!(search(TERMS, "robbery xylophone").is_empty());
    }

    #[test]
    fn sections_have_titles_and_tokens() {
        let titles: Vec<&str> = Section::ALL.iter().map(|s| s.title()).collect();
        assert_eq!(titles, ["Crime categories", "Stop and search", "Figures and terms"]);
        let tokens: Vec<&str> = Section::ALL.iter().map(|s| s.token()).collect();
        assert_eq!(tokens, ["crime", "stops", "data"]);
        assert_eq!(dimension_id(Dimension::Legislation), "stops/legislation");
        assert_eq!(value_id(Dimension::Outcome, "arrest"), "stops/outcome/arrest");
        assert_eq!(term("burglary").map(|t| &*t.official), Some("BURGLARY"));
        assert_eq!(term("nothing"), None);
    }
}
