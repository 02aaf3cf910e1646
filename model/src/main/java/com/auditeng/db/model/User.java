package com.auditeng.db.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

import java.util.ArrayList;
import java.util.List;

/** A person who uploads commissioning reports. */
@Entity
@Table(name = "users", indexes = @Index(name = "ix_users_email", columnList = "email", unique = true))
public class User extends BaseEntity {
    @Column(name = "email", length = 255, nullable = false)
    private String email;

    @Column(name = "hashed_password", length = 255, nullable = false)
    private String hashedPassword;

    @ColumnDefault("true")
    @Column(name = "is_active", nullable = false)
    private boolean active = true;

    @OneToMany(mappedBy = "user", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("createdAt DESC")
    private List<Task> tasks = new ArrayList<>();

    protected User() {
    }

    public User(String email, String hashedPassword) {
        this.email = email;
        this.hashedPassword = hashedPassword;
    }

    public String getEmail() {
        return email;
    }

    public String getHashedPassword() {
        return hashedPassword;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public List<Task> getTasks() {
        return tasks;
    }

    /** Adds a task to this user, setting both sides of the relationship. */
    public Task addTask(Task task) {
        tasks.add(task);
        task.setUser(this);
        return task;
    }
}
