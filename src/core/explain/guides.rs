//! Short how-to guides shown inside the app. Each guide's button opens the
//! view it describes: its `view` is a query of the current link version. The
//! end-to-end tests check the heading each button opens.

/// One guide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Guide {
    /// An id for the page's anchors.
    pub id: &'static str,
    pub title: &'static str,
    /// Why a reader would follow it, in a sentence.
    pub summary: &'static str,
    pub steps: &'static [&'static str],
    /// The query (without `?`) of the view the guide opens.
    pub view: &'static str,
    /// The words of the button that opens it.
    pub button: &'static str,
}

pub const GUIDES: &[Guide] = &[
    Guide {
        id: "compare-ward",
        title: "Compare your ward with your borough and London",
        summary: "See whether crime in your ward is rising or falling, next to its borough and London.",
        steps: &[
            "Type your ward's name, or a borough's, in “Find a borough or ward” and choose it from the list. \
             You can also choose it on the map or in the table.",
            "The heading names your ward. The trend chart draws your ward, its borough and London as three lines \
             with different patterns, per 1,000 residents so that areas of different sizes compare fairly.",
            "Read the summary under the heading for the period's total and its change on a year earlier.",
            "Choose “Number of offences” under “Measure” to see your ward's own counts.",
        ],
        view: "v=2&area=E05013665",
        button: "Open Kilburn ward, in Camden",
    },
    Guide {
        id: "one-crime-trend",
        title: "See the trend for one type of crime",
        summary: "Follow one crime category over every published month, without the ups and downs of single months.",
        steps: &[
            "Choose a category under “Crime category”: a whole group such as burglary, or one of its parts.",
            "Under “Period”, choose “All published months”.",
            "Tick “Chart 12-month rolling totals” to smooth out the seasons: each point is the total of that month \
             and the 11 before it.",
            "Where the publisher documents a break in the series, such as a category renamed or split, the chart \
             marks it and says so in its notes.",
        ],
        view: "v=2&crime=burglary&from=2010-04&roll=12",
        button: "Open burglary in London since April 2010",
    },
    Guide {
        id: "rates",
        title: "Understand rates, and why central areas look high",
        summary: "Rates divide offences by the people who live in an area, which flatters some places and not others.",
        steps: &[
            "A rate is the number of offences for every 1,000 residents counted by the 2021 Census.",
            "Sort the table of boroughs by rate: Westminster is first by far.",
            "Millions of people work in, shop in and visit central London, but few live there. Offences against \
             them count; they do not count as residents. So a high rate in a central area does not mean that \
             residents are more at risk.",
            "Compare areas of the same kind, and look at the trend of one area over time, which this does not affect.",
        ],
        view: "v=2&sort=-rate",
        button: "Open London's boroughs, highest rate first",
    },
    Guide {
        id: "stop-search-rates",
        title: "Understand stop-and-search rates and disproportionality",
        summary: "How often people of each ethnic group are searched, for the residents of that group.",
        steps: &[
            "Open stop and search and find “Searches for every 1,000 residents of each ethnic group”.",
            "Each bar is the searches of people of a group (as they described their own ethnicity), for every \
             1,000 residents of that group in the area.",
            "The ratio compares each group's rate with the rate for White people: a ratio of 3 means three times \
             as many searches for every resident.",
            "The ratio does not say why: people searched need not live where they were searched, and officers \
             search where they are deployed. The page says what the ratio does and does not mean.",
        ],
        view: "v=2&explorer=stops&breakdown=ethnicity",
        button: "Open stop and search in London, by ethnic group",
    },
    Guide {
        id: "share-embed",
        title: "Share or embed a view",
        summary: "Send someone exactly the view you see, or show it on your own website.",
        steps: &[
            "Set up the view: area, category, period and measure. Everything you choose is in the page's address.",
            "Choose “Copy link” to copy a link that reopens this view, for these months, even after newer figures \
             are published.",
            "Choose “Embed…” to get the code for your website. Pick the chart or the map, and whether it follows \
             the latest data or stays pinned to this data release. The preview shows how it will look.",
            "Paste the code into your page's HTML. The frame fits its content, from 300 pixels wide.",
        ],
        view: "v=2&area=E09000007&crime=burglary",
        button: "Open burglary in Camden",
    },
    Guide {
        id: "download",
        title: "Download the data",
        summary: "Take the figures behind any view into a spreadsheet, or the chart into a report.",
        steps: &[
            "Set up the view you want.",
            "Under “Download this view”, choose the table of areas or the chart's figures by month (CSV), or the \
             chart as an SVG or PNG image.",
            "Each file starts with its title, source, licence, release and the link of the view it came from. \
             Suppressed and unpublished figures are written as such, never as 0.",
            "For every figure of every area and month, the publishers' own files are listed on “About the data”.",
        ],
        view: "v=2&area=E09000033",
        button: "Open Westminster",
    },
    Guide {
        id: "map-without-colour",
        title: "Read the map without colour",
        summary: "Every area's figure is available from the keyboard and as a table, not only as a shade.",
        steps: &[
            "Press Tab until an area of the map is focused: its name and figure are shown above the map.",
            "Use the arrow keys to move from area to area, Home and End for the first and last, and Enter to \
             choose one.",
            "The shades are bands of values, each with its range in the legend; areas without figures are hatched.",
            "The table under the map lists every area with the same figures; sort it by any column.",
        ],
        view: "v=2&level=ward",
        button: "Open London's wards",
    },
];

/// The guide with this id.
pub fn guide(id: &str) -> Option<&'static Guide> {
    GUIDES.iter().find(|g| g.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset::Level;
    use crate::data::month::{Month, Period};
    use crate::share::url_state::{self, Context, Explorer, Measure, Page, SortKey};

    fn context() -> Context {
        let m = |s| Month::parse(s).unwrap();
        Context {
            areas: vec!["E09000007".into(), "E09000033".into(), "E05013665".into()],
            categories: vec!["all".into(), "burglary".into()],
            available: Period::new(m("2010-04"), m("2026-06")),
            ward_available: Some(Period::new(m("2024-01"), m("2025-12"))),
            wards: ["E05013665".to_string()].into(),
            ward_borough: std::collections::BTreeMap::new(),
            stop_periods: vec![Period::new(m("2023-09"), m("2024-08"))],
            stop_months: None,
            release: String::new(),
            ward_choices: Vec::new(),
            showing: None,
        }
    }

    #[test]
    fn every_guide_opens_a_view_without_fallbacks() {
        let ctx = context();
        let ids: std::collections::BTreeSet<&str> = GUIDES.iter().map(|g| g.id).collect();
        assert_eq!(ids.len(), GUIDES.len(), "guide ids are unique");
        assert_eq!(GUIDES.len(), 7);
        for g in GUIDES {
            let (state, notes) = url_state::from_query(g.view, &ctx);
            assert!(notes.is_empty(), "{}: {notes:?}", g.id);
            assert_eq!(state.page, Page::Figures, "{}", g.id);
            assert!(g.view.starts_with("v=2&"), "{}: a guide's link names its version", g.id);
            assert!(g.steps.len() >= 3 && !g.button.is_empty(), "{}", g.id);
        }
        let check = |id: &str, test: &dyn Fn(&url_state::ViewState) -> bool| {
            let state = url_state::from_query(guide(id).unwrap().view, &ctx).0;
            assert!(test(&state), "{id}: {state:?}");
        };
        check("compare-ward", &|s| s.area.as_deref() == Some("E05013665"));
        check("one-crime-trend", &|s| s.rolling && s.period.from == Month::parse("2010-04").unwrap());
        check("rates", &|s| s.measure == Measure::Rate && s.sort.key == SortKey::Rate && s.sort.descending);
        check("stop-search-rates", &|s| s.explorer == Explorer::Stops);
        check("map-without-colour", &|s| s.level == Level::Ward);
    }
}
