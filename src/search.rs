//! Search: finds a query in both languages of an aligned transcript, case-insensitively with ё = е.
