//! Topic index: headings, questions, turn openings and key terms, ranked by fuzzy match for jump-to-topic.
