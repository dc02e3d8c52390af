//! Stop and search: police.uk's records and labels, disclosure control, the cross-tabulation, and
//! the stop-and-search view.

pub mod crosstab;
pub mod disclosure;
pub mod stop_search;
pub mod stops_view;
