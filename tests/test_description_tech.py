"""Product names in a pasted job description point to the occupations that use them."""

from __future__ import annotations

import numpy as np
import pytest

from ai_impact import api
from ai_impact.db import KnowledgeBase
from ai_impact.reports.description_tech import TechIndex, product_names
from ai_impact.settings import Settings


def test_product_names_are_capitalised_words_after_the_first() -> None:
    texts = [
        "Build and run our Kubernetes platform on AWS with Terraform",
        "Enter vendor invoices into NetSuite",
        "Answer phones",
    ]
    assert product_names(texts) == {"kubernetes", "aws", "terraform", "netsuite"}


def test_tech_scores_are_idf_weighted_shares_and_skip_prose_words() -> None:
    index = TechIndex.build(
        {0: ["Kubernetes", "Microsoft Excel"], 1: ["Microsoft Excel"], 2: ["Oracle NetSuite"]},
        n_docs=4,
    )
    # "Excel" is listed by two of the three occupations that list any product, "Kubernetes" by
    # one: ln(3/1) against ln(3/2).
    got = index.scores(["Deploy on Kubernetes and report in Excel"])
    k, e = np.log(3.0), np.log(1.5)
    assert np.allclose(got, [(k + e) / (k + e), e / (k + e), 0.0, 0.0])
    # a word O*NET's statements use is read by the lexical half, not here
    assert np.allclose(index.scores(["Report in Excel"], prose={"excel"}), 0.0)
    assert np.allclose(index.scores(["answer phones"]), 0.0)
    again = TechIndex.from_arrays(index.arrays(), 4)
    assert np.allclose(again.scores(["Use NetSuite daily"]), [0.0, 0.0, 1.0, 0.0])


@pytest.mark.slow
def test_a_task_list_naming_data_tools_finds_the_data_occupations(
    settings: Settings, kb: KnowledgeBase
) -> None:
    # was Database Architects at 0.07, Bioinformatics Technicians second
    text = (
        "We need someone to build and maintain ETL pipelines in Airflow and dbt, model data in "
        "Snowflake, write complex SQL, and work with analysts to make data reliable and well "
        "documented."
    )
    report = api.analyze_description(text, settings=settings)
    top = [(c.code, c.via) for c in report.candidates[:3]]
    assert top[0] == ("15-1243.00", "tasks")
    assert report.candidates[0].confidence >= 0.4
    assert ("15-1243.01", "tasks") in top
