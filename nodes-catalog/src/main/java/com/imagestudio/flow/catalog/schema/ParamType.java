package com.imagestudio.flow.catalog.schema;

public enum ParamType {
    INTEGER, NUMBER, BOOLEAN, STRING, ENUM, COLOR
}
